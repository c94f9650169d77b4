import type { Translation } from './vi';

/** English strings of the lookup screens; keys mirror lookup.vi.ts (checked by the type). */
export const lookupEn: Translation['lookup'] = {
  title: 'Look up a dossier',
};
