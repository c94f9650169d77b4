import { randomBytes } from 'node:crypto';
import { cardErrors } from '../errors';
import type { ApduSender } from '../iso7816/apdu-channel';
import { concatBytes, equalBytes } from '../iso7816/hex';
import { classifySw, statusError } from '../iso7816/status-word';
import { des3Decrypt, des3Encrypt, retailMac } from '../sm/primitives';
import { bacKeys, bacSession, type BacSession } from './bac-keys';

/** Where BAC's random bytes come from; tests pass the ICAO worked example's. */
export interface BacRandom {
  rndIfd(): Uint8Array;
  kIfd(): Uint8Array;
}

const systemRandom: BacRandom = {
  rndIfd: () => new Uint8Array(randomBytes(8)),
  kIfd: () => new Uint8Array(randomBytes(16)),
};

/**
 * Basic Access Control (ICAO 9303-11 §9.7.4): GET CHALLENGE, then EXTERNAL
 * AUTHENTICATE with
 *   S = RND.IFD ‖ RND.IC ‖ K.IFD,  cmd data = E(Kenc, S) ‖ MAC(Kmac, E(Kenc, S))   (40 bytes)
 *   resp  = E(Kenc, RND.IC ‖ RND.IFD ‖ K.IC) ‖ MAC                              (40 bytes)
 * The caller must have selected the eMRTD application. Runs once: a rejected
 * key is reported as ACCESS_DENIED and never retried here, because the chip
 * may count failed attempts.
 */
export async function performBac(
  channel: ApduSender,
  mrzInformation: string,
  random: BacRandom = systemRandom,
): Promise<BacSession> {
  const { kEnc, kMac } = bacKeys(mrzInformation);
  const challenge = await channel.send({ cla: 0x00, ins: 0x84, p1: 0, p2: 0, ne: 8 });
  if (challenge.sw !== 0x9000) throw statusError(challenge.sw, 'GET CHALLENGE');
  if (challenge.data.length !== 8)
    throw cardErrors.malformed('GET CHALLENGE did not return 8 bytes');
  const rndIc = challenge.data;
  const rndIfd = random.rndIfd();
  const kIfd = random.kIfd();
  const eIfd = des3Encrypt(kEnc, concatBytes(rndIfd, rndIc, kIfd));
  const mIfd = retailMac(kMac, eIfd);
  const auth = await channel.send({
    cla: 0x00,
    ins: 0x82,
    p1: 0,
    p2: 0,
    data: concatBytes(eIfd, mIfd),
    ne: 40,
  });
  if (auth.sw !== 0x9000) {
    const kind = classifySw(auth.sw);
    if (
      kind === 'authFailed' ||
      kind === 'securityNotSatisfied' ||
      kind === 'smIncorrect' ||
      kind === 'warning'
    ) {
      throw cardErrors.accessDenied('mrz');
    }
    throw statusError(auth.sw, 'EXTERNAL AUTHENTICATE');
  }
  if (auth.data.length !== 40)
    throw cardErrors.malformed('EXTERNAL AUTHENTICATE did not return 40 bytes');
  const eIc = auth.data.subarray(0, 32);
  if (!equalBytes(retailMac(kMac, eIc), auth.data.subarray(32, 40))) {
    throw cardErrors.secureMessaging('the chip’s BAC answer has a wrong MAC');
  }
  const r = des3Decrypt(kEnc, eIc);
  if (!equalBytes(r.subarray(0, 8), rndIc) || !equalBytes(r.subarray(8, 16), rndIfd)) {
    throw cardErrors.secureMessaging('the chip did not echo the BAC challenges');
  }
  return bacSession(kIfd, r.subarray(16, 32), rndIc, rndIfd);
}
