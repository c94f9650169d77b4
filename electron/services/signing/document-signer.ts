/**
 * The signing service as the rest of the core sees it (pure: no Node, no
 * PKCS#11). Build one with `documentSignerFromConfig` (signer-from-config.ts).
 */

/** Where and what the visible signature shows; every field is optional. */
export interface SignatureAppearance {
  /** 1-based page; default the last page. */
  readonly page?: number;
  /** Lower-left corner and size in PDF points; default bottom right of the page. */
  readonly rect?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  /** Default: the certificate's CN. */
  readonly signerName?: string;
  /** Default: the certificate's O (then OU). */
  readonly unit?: string;
  /** false: an invisible signature (no widget drawn). */
  readonly visible?: boolean;
}

export interface SignPdfOptions {
  /** /Reason, e.g. "Số hoá thành phần hồ sơ". */
  readonly reason?: string;
  /** /Location, e.g. the agency's place. */
  readonly location?: string;
  readonly appearance?: SignatureAppearance;
}

/** Who signed, as the certificate says; shown to the clerk and stored beside the file. */
export interface SignerIdentity {
  readonly subject: string;
  readonly commonName: string;
  readonly organization: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface SignedPdf {
  readonly pdf: Uint8Array;
  readonly signer: SignerIdentity;
  /** The time written into the signature (the TSA's when `timestamped`). */
  readonly signingTime: Date;
  readonly timestamped: boolean;
  /**
   * A TSA is configured but did not answer: the signature is B-B and a
   * document timestamp should be added once the network is back
   * (doc-timestamp.ts). Absent when no TSA is configured.
   */
  readonly timestampPending?: boolean;
  /** Revocation data (OCSP/CRL) and the chain were added in a DSS (PAdES B-LT). */
  readonly longTerm?: boolean;
}

export interface DocumentSigner {
  /**
   * Adds one PAdES B-B (B-T with a TSA) signature as an incremental update:
   * the input bytes are kept as they are, so earlier signatures stay valid.
   * Throws `SigningError` (signing-errors.ts).
   */
  signPdf(pdf: Uint8Array, options?: SignPdfOptions): Promise<SignedPdf>;
  /** Logs out and unloads the PKCS#11 module (the PIN is forgotten). */
  close(): Promise<void>;
}
