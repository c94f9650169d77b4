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
import { padesSign } from './pades-sign';
import { Pkcs11Module } from './pkcs11-token';
import type { TokenKey, TokenSession } from './pkcs11-token';
import { SigningError } from './signing-errors';

export interface TokenSignerSettings {
  readonly pkcs11Module: string;
  readonly tokenLabel: string;
  readonly chainFile: string;
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

  private constructor(
    module: Pkcs11Module,
    session: TokenSession,
    key: TokenKey,
    certificate: pkijs.Certificate,
    chain: readonly pkijs.Certificate[],
    now: () => Date,
  ) {
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
      );
    } catch (error) {
      session?.close();
      module.close();
      throw error;
    }
  }

  async signPdf(pdf: Uint8Array, options?: SignPdfOptions): Promise<SignedPdf> {
    const signingTime = this.#now();
    assertCanSignDocuments(this.#certificate, signingTime);
    const identity = signerIdentity(this.#certificate);
    const signed = await padesSign({
      pdf,
      key: {
        certificate: this.#certificate,
        chain: this.#chain,
        keyType: this.#key.keyType,
        rawSign: (data) => Promise.resolve(this.#session.sign(this.#key, data)),
      },
      signingTime,
      signerName: identity.commonName,
      unit: identity.organization,
      options,
    });
    return { pdf: signed, signer: identity, signingTime, timestamped: false };
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
  };
}
