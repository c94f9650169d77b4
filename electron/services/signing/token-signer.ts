import { readFileSync } from 'node:fs';
import type * as pkijs from 'pkijs';
import { certificatesFromFile } from '../../../native/smartcard/passive-auth';
import {
  assertCanSignDocuments,
  certificateFromDer,
  chainAbove,
  signerIdentity,
} from './certificate-info';
import type { DocumentSigner, SignedPdf, SignPdfOptions } from './document-signer';
import { addValidationData } from './long-term-data';
import { padesSign } from './pades-sign';
import { Pkcs11Module } from './pkcs11-token';
import type { TokenKey, TokenSession } from './pkcs11-token';
import { SigningError } from './signing-errors';
import { requestTimestamp, timestampTime } from './tsa-client';

export interface TokenSignerSettings {
  readonly pkcs11Module: string;
  readonly tokenLabel: string;
  readonly chainFile: string;
  /** RFC 3161 TSA; empty or absent: PAdES B-B. */
  readonly tsaUrl?: string;
  /** OCSP responder for every certificate instead of its AIA's; empty or absent: the AIA's. */
  readonly ocspUrl?: string;
}

/**
 * A DocumentSigner over a PKCS#11 token: opens the module, logs in with the
 * PIN (passed to C_Login and not kept), picks the certificate that has a
 * private key and may sign documents, and signs inside the token.
 */
export class TokenSigner implements DocumentSigner {
  readonly #module: Pkcs11Module;
  readonly #session: TokenSession;
  readonly #key: TokenKey;
  readonly #certificate: pkijs.Certificate;
  readonly #chain: readonly pkijs.Certificate[];
  readonly #now: () => Date;
  readonly #settings: TokenSignerSettings;

  private constructor(
    module: Pkcs11Module,
    session: TokenSession,
    key: TokenKey,
    certificate: pkijs.Certificate,
    chain: readonly pkijs.Certificate[],
    now: () => Date,
    settings: TokenSignerSettings,
  ) {
    this.#settings = settings;
    this.#module = module;
    this.#session = session;
    this.#key = key;
    this.#certificate = certificate;
    this.#chain = chain;
    this.#now = now;
  }

  static open(
    settings: TokenSignerSettings,
    pin: string,
    now: () => Date = () => new Date(),
  ): TokenSigner {
    if (settings.pkcs11Module === '')
      throw new SigningError('SIGNING_NOT_CONFIGURED', 'no signing.pkcs11Module');
    const module = Pkcs11Module.load(settings.pkcs11Module);
    let session: TokenSession | undefined;
    try {
      session = module.open(settings.tokenLabel);
      session.login(pin);
      const certs = session.certificates();
      const keys = session.keys();
      const pair = certs
        .map((c) => ({ cert: certificateFromDer(c.der), key: keys.find((k) => k.id === c.id) }))
        .filter((p): p is { cert: pkijs.Certificate; key: TokenKey } => p.key !== undefined);
      const first = pair[0];
      if (first === undefined)
        throw new SigningError('SIGNING_NO_KEY', 'no certificate with a private key');
      // Prefer a certificate that may sign now; else report why the first one may not.
      const usable =
        pair.find((p) => {
          try {
            assertCanSignDocuments(p.cert, now());
            return true;
          } catch {
            return false;
          }
        }) ?? first;
      assertCanSignDocuments(usable.cert, now());
      const pool = [
        ...certs.map((c) => certificateFromDer(c.der)),
        ...(settings.chainFile === ''
          ? []
          : (certificatesFromFile(readFileSync(settings.chainFile)) ?? [])),
      ];
      return new TokenSigner(
        module,
        session,
        usable.key,
        usable.cert,
        chainAbove(usable.cert, pool),
        now,
        settings,
      );
    } catch (error) {
      session?.close();
      module.close();
      throw error;
    }
  }

  async signPdf(pdf: Uint8Array, options?: SignPdfOptions): Promise<SignedPdf> {
    const claimed = this.#now();
    assertCanSignDocuments(this.#certificate, claimed);
    const identity = signerIdentity(this.#certificate);
    const tsaUrl = this.#settings.tsaUrl ?? '';
    // Filled by the TSA callback, which runs inside padesSign.
    const stamp: { token: Uint8Array | null } = { token: null };
    const signed = await padesSign({
      pdf,
      key: {
        certificate: this.#certificate,
        chain: this.#chain,
        keyType: this.#key.keyType,
        rawSign: (data) => Promise.resolve(this.#session.sign(this.#key, data)),
      },
      signingTime: claimed,
      signerName: identity.commonName,
      unit: identity.organization,
      options,
      // A TSA that is down must not stop the counter: the signature is made B-B
      // and marked, and a document timestamp is added when the network is back.
      timestamp:
        tsaUrl === ''
          ? undefined
          : async (value) => {
              try {
                stamp.token = await requestTimestamp(value, { url: tsaUrl });
              } catch (error) {
                if (!(error instanceof SigningError)) throw error;
              }
              return stamp.token;
            },
    });
    const stamped = stamp.token;
    const longTerm = await addValidationData(signed, {
      certificates: [this.#certificate, ...this.#chain],
      ocspUrl: this.#settings.ocspUrl ?? '',
    });
    return {
      pdf: longTerm.pdf,
      signer: identity,
      signingTime: stamped === null ? claimed : (timestampTime(stamped) ?? claimed),
      timestamped: stamped !== null,
      ...(tsaUrl === '' ? {} : { timestampPending: stamped === null }),
      longTerm: longTerm.added,
    };
  }

  close(): Promise<void> {
    this.#session.close();
    this.#module.close();
    return Promise.resolve();
  }
}

/** Settings from config, with KIOSK_SIGNING_MODULE / KIOSK_SIGNING_TOKEN taking precedence. */
export function tokenSignerSettings(
  config: { readonly signing: TokenSignerSettings },
  env: NodeJS.ProcessEnv,
): TokenSignerSettings {
  return {
    pkcs11Module: env.KIOSK_SIGNING_MODULE ?? config.signing.pkcs11Module,
    tokenLabel: env.KIOSK_SIGNING_TOKEN ?? config.signing.tokenLabel,
    chainFile: config.signing.chainFile,
    tsaUrl: config.signing.tsaUrl ?? '',
    ocspUrl: config.signing.ocspUrl ?? '',
  };
}
