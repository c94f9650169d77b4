import type { CardTransport } from './card-transport';
import { fromHex, toHex } from './hex';

/**
 * A transport that replays a published exchange (e.g. ICAO 9303-11 Appendix D):
 * each command must equal the expected bytes, and the recorded answer is returned.
 */
export function scriptedTransport(
  steps: readonly (readonly [command: string, response: string])[],
): CardTransport & {
  readonly remaining: () => number;
} {
  let i = 0;
  return {
    transmit: (apdu) => {
      const step = steps[i++];
      if (step === undefined) return Promise.reject(new Error(`unexpected APDU ${toHex(apdu)}`));
      const [command, response] = step;
      if (toHex(apdu) !== command.replace(/\s+/g, '').toUpperCase()) {
        return Promise.reject(new Error(`APDU ${i}: sent ${toHex(apdu)}, expected ${command}`));
      }
      return Promise.resolve(fromHex(response));
    },
    remaining: () => steps.length - i,
  };
}
