import { ctapHidErrorNames } from './ctaphid-frame';

/** CTAP2 status codes an authenticator returns in a CBOR response (CTAP 2.1 §8.2), the ones worth naming. */
const statusNames: Readonly<Record<number, string>> = {
  0x01: 'CTAP1_ERR_INVALID_COMMAND',
  0x02: 'CTAP1_ERR_INVALID_PARAMETER',
  0x03: 'CTAP1_ERR_INVALID_LENGTH',
  0x06: 'CTAP1_ERR_CHANNEL_BUSY',
  0x11: 'CTAP2_ERR_CBOR_UNEXPECTED_TYPE',
  0x12: 'CTAP2_ERR_INVALID_CBOR',
  0x2d: 'CTAP2_ERR_KEEPALIVE_CANCEL',
  0x2f: 'CTAP2_ERR_USER_ACTION_TIMEOUT',
  0x31: 'CTAP2_ERR_PIN_INVALID',
  0x35: 'CTAP2_ERR_PIN_NOT_SET',
  0x3c: 'CTAP2_ERR_UV_BLOCKED',
  0x3f: 'CTAP2_ERR_UV_INVALID',
};

export type CtapErrorKind = 'ctaphid' | 'ctap2' | 'timeout';

/**
 * A refusal by the authenticator: a CTAPHID_ERROR frame, a non-zero CTAP2
 * status, or no answer in time. `vi`/`en` tell the operator what to do.
 */
export class CtapError extends Error {
  override readonly name = 'CtapError';
  readonly kind: CtapErrorKind;
  readonly status: number;
  readonly vi: string;
  readonly en: string;

  constructor(kind: CtapErrorKind, status: number) {
    const label =
      kind === 'ctaphid'
        ? (ctapHidErrorNames[status] ?? `CTAPHID error 0x${status.toString(16)}`)
        : kind === 'ctap2'
          ? (statusNames[status] ?? `CTAP2 status 0x${status.toString(16)}`)
          : 'no answer';
    const en =
      kind === 'timeout'
        ? 'The security key did not answer in time. Unplug it, plug it back in and try again.'
        : `The security key refused the request (${label}). Unplug it, plug it back in and try again; if it persists the key may be unsupported.`;
    super(en);
    this.kind = kind;
    this.status = status;
    this.en = en;
    this.vi =
      kind === 'timeout'
        ? 'Khóa bảo mật không trả lời kịp. Hãy rút ra, cắm lại rồi thử lại.'
        : `Khóa bảo mật từ chối yêu cầu (${label}). Hãy rút ra, cắm lại rồi thử lại; nếu vẫn lỗi, có thể khóa không được hỗ trợ.`;
  }
}
