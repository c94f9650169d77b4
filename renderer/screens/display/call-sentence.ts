/** What a hall display needs of a call: the number and the counter (nothing personal). */
export interface SpokenCall {
  readonly number: number;
  readonly counter: number;
}

/**
 * The sentence a hall announces for a call and for each recall, in the words
 * centres use (issue 19): "Mời công dân có số thứ tự 1023 đến quầy số 3".
 * Always Vietnamese, whatever the screen's language: the voice is espeak-ng's
 * Vietnamese one, and the hall is Vietnamese. Digits stay digits: espeak-ng
 * reads 1023 as "một nghìn không trăm hai mươi ba".
 */
export function callSentence(call: SpokenCall): string {
  return `Mời công dân có số thứ tự ${call.number} đến quầy số ${call.counter}`;
}
