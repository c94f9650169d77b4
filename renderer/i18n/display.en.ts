import type { Translation } from './vi';

/** English strings of the hall display; keys mirror display.vi.ts (checked by the type). */
export const displayEn: Translation['display'] = {
  title: 'Please go to the counter',
  counter: 'Counter',
  none: '—',
  recent: 'Just called',
  recentCall: 'No. {{number}} → counter {{counter}}',
  waiting: 'Waiting',
  waitingCount: '{{count}} people',
  noCalls: 'No number called yet.',
  reconnecting: 'Reconnecting…',
  reconnectingHint: 'The numbers come back as soon as the connection is restored.',
  soundOn: 'Turn sound on',
  soundHint: 'Press once so the screen reads the numbers aloud.',
  statusFailed: 'Could not read the queue: {{reason}} The screen will retry by itself.',
};
