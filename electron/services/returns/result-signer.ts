/**
 * What returning a result needs from the signing service (PKCS#11, PAdES),
 * which lives elsewhere and is injected by the composition root. Optional:
 * without it a result is stored and sent unsigned and printed "chưa ký số".
 */
export interface ResultSigner {
  /** A PAdES-signed copy of `pdf`; the key never leaves the token. */
  signPdf(pdf: Uint8Array, opts: { readonly reason: string }): Promise<Uint8Array>;
}

/** The reason written into a result's signature. */
export const RESULT_SIGN_REASON = 'Số hóa kết quả giải quyết thủ tục hành chính';
