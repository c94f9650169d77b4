import type { Translation } from './vi';

/** English strings of the selfService screens; keys mirror self-service.vi.ts (checked by the type). */
export const selfServiceEn: Translation['selfService'] = {
  title: 'Submit a dossier',
};
