import { performBac } from '../bac/perform-bac';
import { CardError, cardErrors, StatusWordError } from '../errors';
import type { ApduChannel, ApduSender } from '../iso7816/apdu-channel';
import { classifySw, statusError } from '../iso7816/status-word';
import { SecureChannel } from '../sm/secure-channel';
import { aesSmCipher, des3SmCipher } from '../sm/sm-cipher';
import { FileReader } from './file-reader';
import { CARD_ACCESS } from './lds-files';
import type { ReadCccdOptions } from './read-cccd-files';

export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

export interface OpenSession {
  readonly secure: ApduSender;
  readonly protocol: 'BAC' | 'PACE';
}

/**
 * Opens the eMRTD application under secure messaging: PACE when the access is
 * the CAN or a PACE runner is given and EF.CardAccess offers it, else SELECT
 * and BAC. Called again after a damaged optional file tore the channel down.
 */
export async function openSession(
  plain: ApduChannel,
  options: Pick<ReadCccdOptions, 'access' | 'pace' | 'signal'>,
): Promise<OpenSession> {
  const { signal } = options;
  const checkAbort = (): void => {
    if (signal?.aborted) throw cardErrors.cancelled();
  };
  let secure: ApduSender | null = null;
  let protocol: 'BAC' | 'PACE' = 'BAC';

  if (options.access.kind === 'can' || options.pace !== undefined) {
    checkAbort();
    // Any refusal (6A82 absent, 6982, 6A86 on chips without PACE) means "no PACE here".
    const cardAccess = await new FileReader(plain)
      .read(CARD_ACCESS, signal)
      .catch((error: unknown) => {
        if (error instanceof StatusWordError) return null;
        throw error;
      });
    const session =
      cardAccess !== null && options.pace !== undefined
        ? await options.pace((apdu) => plain.transmit(apdu), {
            cardAccess,
            password: options.access,
          })
        : 'notSupported';
    if (session !== 'notSupported') {
      const cipher =
        session.cipher === 'AES-128'
          ? aesSmCipher(session.ksEnc, session.ksMac)
          : des3SmCipher(session.ksEnc, session.ksMac);
      secure = new SecureChannel(plain, cipher, session.ssc ?? new Uint8Array(cipher.sscLength));
      protocol = 'PACE';
    } else if (options.access.kind === 'can') {
      throw new CardError(
        'BAD_ACCESS_DATA',
        'Thẻ này hoặc phần mềm chưa hỗ trợ mở bằng mã CAN; hãy nhập thông tin MRZ (số giấy tờ, ngày sinh, ngày hết hạn).',
        'This card or build cannot be opened with the CAN; enter the MRZ data (document number, birth date, expiry).',
      );
    }
  }

  checkAbort();
  const selectCmd = { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID };
  const selected = await (secure ?? plain).send(selectCmd);
  if (selected.sw !== 0x9000) {
    const kind = classifySw(selected.sw);
    if (
      kind === 'fileNotFound' ||
      kind === 'insNotSupported' ||
      kind === 'claNotSupported' ||
      kind === 'wrongParameters'
    ) {
      throw cardErrors.notAnIdCard(selected.sw);
    }
    throw statusError(selected.sw, 'SELECT eMRTD');
  }

  if (secure === null) {
    if (options.access.kind !== 'mrz') throw cardErrors.accessDenied('can');
    checkAbort();
    const session = await performBac(plain, options.access.mrzInformation);
    secure = new SecureChannel(plain, des3SmCipher(session.ksEnc, session.ksMac), session.ssc);
  }
  return { secure, protocol };
}
