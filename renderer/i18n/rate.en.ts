import type { Translation } from './vi';

/** English strings of the rating screen; keys mirror rate.vi.ts (checked by the type). */
export const rateEn: Translation['rate'] = {
  title: 'Rate our service',
  counter: 'Counter {{counter}}',
  waiting: 'Once you have been served, please rate us here.',
  waitingHint: 'Your number appears on this screen when the clerk has finished.',
  ticket: 'Number {{number}}',
  question: 'Are you satisfied with how your procedure was handled?',
  scores: {
    very_satisfied: 'Very satisfied',
    satisfied: 'Satisfied',
    neutral: 'Neutral',
    dissatisfied: 'Dissatisfied',
  },
  chosen: 'You chose: {{score}}',
  back: 'Choose again',
  reasonsQuestion: 'What were you not satisfied with?',
  reasonsHint: 'You may choose several reasons, or skip.',
  reasons: {
    waited_long: 'Long wait',
    attitude: 'Staff attitude',
    unclear_guidance: 'Unclear guidance',
    complicated_procedure: 'Complicated procedure',
    facilities: 'Facilities',
  },
  send: 'Send rating',
  skipReasons: 'Skip, send rating',
  sending: 'Sending…',
  thanks: 'Thank you',
  thanksDetail: 'Your opinion helps us serve you better.',
  noCounter: 'The rating page needs a counter number, e.g. #/rate?counter=3.',
};
