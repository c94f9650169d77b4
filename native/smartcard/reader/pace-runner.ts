import { PaceError, performPace } from '../pace';
import type { PaceRunner } from './read-cccd-files';

/**
 * the PACE-GM key agreement of native/smartcard/pace as the reader's
 * PaceRunner. 'notSupported' (so MRZ access falls back to BAC) when no
 * PACEInfo can be run, or when the chip refuses MSE:Set AT for the MRZ
 * password — before any authentication attempt, so nothing is counted
 * against the card. A wrong password is never followed by BAC.
 */
export const paceRunner: PaceRunner = async (transmit, { cardAccess, password }) => {
  try {
    const result = await performPace({
      transmit,
      cardAccess,
      password: password.kind === 'can' ? { kind: 'can', can: password.can } : password,
    });
    return { cipher: 'AES-128', ksEnc: result.ksEnc, ksMac: result.ksMac };
  } catch (error) {
    if (error instanceof PaceError) {
      if (error.code === 'PACE_NOT_SUPPORTED') return 'notSupported';
      const refusedMrz =
        password.kind === 'mrz' &&
        error.code === 'PACE_CARD_REJECTED' &&
        error.en.includes('"MSE:Set AT"');
      if (refusedMrz) return 'notSupported';
    }
    throw error;
  }
};
