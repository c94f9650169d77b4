import type { Translation } from './vi';

/** English strings of the touch kiosk; keys mirror touch.vi.ts (checked by the type). */
export const touchEn: Translation['touch'] = {
  keyboardFor: 'Keyboard for: {{target}}',
  type: 'Type “{{field}}”',
  space: 'Space',
  shift: 'Capital',
  backspace: 'Delete',
  backspaceName: 'Delete the last letter',
  clear: 'Clear',
  clearName: 'Clear everything typed',
  toneName: '{{tone}} tone',
  tones: { sac: 'Sắc', huyen: 'Huyền', hoi: 'Hỏi', nga: 'Ngã', nang: 'Nặng' },
  datePlaceholder: 'day/month/year',
  readerDown:
    'The card reader is out of service for now. Please take your ID card to {{counter}}; staff will receive your dossier.',
  readerDownWhat:
    'This self-service kiosk takes a dossier only with the chip on the card read, so that nobody can file in another person’s name.',
  readerComesBack: 'When the card reader works again, this screen goes back to reading the card.',
  readFailedCounter: 'If the card still cannot be read, please go to {{counter}}.',
  scanPrompt: 'Or hold the QR code on your receipt in front of the scanner',
  card: {
    access: 'Choose how the kiosk reads your card',
    byCan: 'Type your ID number (12 digits on the front)',
    byMrz: 'Type the numbers on the back of the card',
    idNumber: 'Personal ID number (12 digits)',
    doc: 'Card number: the 9 digits after IDVNM, first line',
    dob: 'Date of birth: 6 digits, year month day (e.g. 850314)',
    expiry: 'Expiry date: 6 digits, year month day (e.g. 350314)',
  },
  spoken: {
    procedure: 'Tap the name of the procedure you need.',
    confirm: 'Check the photo and name. If they are yours, tap “Yes, this is me”.',
    fields: 'Tap each box, then tap the keys on the screen. Then tap “Continue”.',
  },
  voice: {
    toggle: 'Spoken guidance',
    repeat: 'Repeat',
    louder: 'Louder',
    softer: 'Softer',
    volume: 'Volume {{percent}}%',
    unavailable: 'The voice cannot play right now. Please read the guidance on the screen.',
  },
};
