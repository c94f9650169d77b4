import { PaceError, performPace } from '../pace';
import type { PaceRunner } from './read-cccd-files';

/** card-B's PACE-GM key agreement (native/smartcard/pace) as the reader's PaceRunner. */
export const paceRunner: PaceRunner = async (transmit, { cardAccess, password }) => {
  try {
    const result = await performPace({
      transmit,
      cardAccess,
      password: password.kind === 'can' ? { kind: 'can', can: password.can } : password,
    });
    return { cipher: 'AES-128', ksEnc: result.ksEnc, ksMac: result.ksMac };
  } catch (error) {
    if (error instanceof PaceError && error.code === 'PACE_NOT_SUPPORTED') return 'notSupported';
    throw error;
  }
};
