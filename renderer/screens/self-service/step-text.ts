import type { TFunction } from 'i18next';
import type { ProcedureComponent } from '../../../electron/api/contract/procedure';
import type { Step } from './StepFrame';

export interface StepTextInput {
  readonly step: Step;
  readonly component: ProcedureComponent | undefined;
  readonly docIndex: number;
  readonly docCount: number;
  /** On the card step: no reader answers, so nothing is to be typed or placed. */
  readonly readerDown?: boolean;
}

/** The one question a self-service screen asks: its heading, and the first words the voice says. */
export function stepQuestion(t: TFunction, input: StepTextInput): string {
  switch (input.step) {
    case 'procedure':
      return t('selfService.procedure.question');
    case 'card':
      return input.readerDown ? t('selfService.card.downQuestion') : t('selfService.card.question');
    case 'confirm':
      return t('selfService.confirm.question');
    case 'fields':
      return t('selfService.fields.question');
    case 'documents':
      return input.component
        ? t('selfService.documents.question', {
            index: input.docIndex + 1,
            count: input.docCount,
            name: input.component.name,
          })
        : t('selfService.documents.noneNeeded');
    case 'review':
      return t('selfService.review.question');
    case 'receipt':
      return t('selfService.receipt.done');
  }
}

/** What the voice adds after the question: what to do on this screen, in a sentence or two. */
export function stepSpokenHint(t: TFunction, input: StepTextInput): string {
  switch (input.step) {
    case 'procedure':
      return t('touch.spoken.procedure');
    case 'card':
      // The outage alert is spoken on its own; "type the numbers" would send the citizen nowhere.
      return input.readerDown ? '' : t('selfService.card.hint');
    case 'confirm':
      return t('touch.spoken.confirm');
    case 'fields':
      return t('touch.spoken.fields');
    case 'documents':
      return input.component ? t('selfService.documents.place') : '';
    case 'review':
      return t('selfService.review.notYet');
    case 'receipt':
      return t('selfService.receipt.keep');
  }
}

/** Joins a question and its hint into sentences the voice can pause between. */
export function sentences(...parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => (/[.?!…]$/.test(p) ? p : `${p}.`))
    .join(' ');
}
