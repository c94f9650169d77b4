import type { Translation } from './vi';

/** English strings of the intake screens; keys mirror intake.vi.ts (checked by the type). */
export const intakeEn: Translation['intake'] = {
  title: 'Receive a dossier',
};
