import type { formsVi } from './forms.vi';

/** English strings of the counter's forms screens. */
export const formsEn: Record<keyof typeof formsVi, string> = {
  bookTile: 'Tracking book (form 06)',
  bookTileHint: 'Make the dossier tracking book of a day or a period, as a PDF and a spreadsheet',
  bookTitle: 'Dossier tracking book (form 06)',
  bookLead: 'Choose the days of receipt (Vietnam time, both days included).',
  from: 'From',
  to: 'To',
  make: 'Make the book',
  making: 'Making the book…',
  badRange: 'The first day must not come after the last.',
  made: 'Book made: {{count}} dossiers.',
  downloadPdf: 'Download the tracking book (PDF)',
  downloadCsv: 'Download the spreadsheet (CSV, opens in Excel or LibreOffice)',
  frame: 'Dossier tracking book (PDF)',
};
