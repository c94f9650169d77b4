import type { Translation } from './vi';

/** English strings of the lookup screens; keys mirror lookup.vi.ts (checked by the type). */
export const lookupEn: Translation['lookup'] = {
  title: 'Look up a dossier',
  question: "Type the dossier code or scan the receipt's QR code",
  codeHint:
    "The code printed on the receipt, like 000.00.00.H00-YYMMDD-0000. Or hold the receipt's QR code to the reader.",
  search: 'Look up',
  searching: 'Looking up…',
  again: 'Look up another dossier',
  result: 'Dossier {{code}}',
  procedure: 'Procedure',
  status: 'Status',
  received: 'Received on',
  due: 'Result due on',
  sync: 'Sent to the public service portal',
  syncStates: {
    pending: 'Waiting to be sent to the portal (your dossier is processed as usual)',
    parked: 'Staff are completing details before sending it to the portal',
    synced: 'Sent to the national public service portal',
  },
  portalChecked: 'Checked with the public service portal at {{time}}',
  portalNotChecked: "Not yet checked with the portal; status as this kiosk's records show.",
  notFoundTitle: 'Dossier not found',
  checks: {
    code: 'Check each character of the code, dots and dashes included.',
    qr: "Or hold the receipt's QR code to the reader.",
    recent:
      'A dossier just submitted elsewhere may not be on this kiosk yet; please ask at the desk.',
  },
};
