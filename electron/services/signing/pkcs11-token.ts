import pkcs11js from 'pkcs11js';
import { CK, pinStateFromFlags, signingErrorFromPkcs11 } from './pkcs11-codes';
import type { PinState } from './pkcs11-codes';
import { SigningError } from './signing-errors';

type Handle = Buffer;

export interface TokenObject {
  /** CKA_ID, hex: pairs a certificate with its private key. */
  readonly id: string;
  readonly label: string;
}

export interface TokenCertificate extends TokenObject {
  readonly der: Uint8Array;
}

export interface TokenInfo {
  /** The slot id as hex (stable while the token stays plugged in). */
  readonly slot: string;
  readonly label: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly serialNumber: string;
  readonly loginRequired: boolean;
  readonly pin: PinState;
  /** Public certificate objects (readable without the PIN). */
  readonly certificates: readonly TokenCertificate[];
}

export interface TokenKey extends TokenObject {
  readonly keyType: 'rsa' | 'ec';
}

const trimmed = (s: string): string => s.replace(/[\s\0]+$/, '');

/**
 * One loaded PKCS#11 module (the vendor's .so/.dll). Every call is
 * synchronous inside pkcs11js; a token call takes milliseconds except
 * C_Sign on a USB token (about 0.2–1 s for RSA-2048).
 */
/** Whether this process has a PKCS#11 module initialised (see `Pkcs11Module.load`). */
let moduleOpen = false;

export class Pkcs11Module {
  readonly #lib: pkcs11js.PKCS11;
  #closed = false;

  private constructor(lib: pkcs11js.PKCS11) {
    this.#lib = lib;
  }

  static load(modulePath: string): Pkcs11Module {
    // PKCS#11 allows one C_Initialize per process: a second load while one is
    // open failed with CKR_CRYPTOKI_ALREADY_INITIALIZED and read as "driver
    // missing". Sharing the open module would share its login too (a second
    // clerk's PIN would never be checked), so a second user waits instead.
    if (moduleOpen)
      throw new SigningError(
        'SIGNING_TOKEN_BUSY',
        'the PKCS#11 module is open for another signing',
      );
    const lib = new pkcs11js.PKCS11();
    try {
      lib.load(modulePath);
      lib.C_Initialize();
    } catch (error) {
      throw new SigningError(
        'SIGNING_MODULE_MISSING',
        `${modulePath}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    moduleOpen = true;
    return new Pkcs11Module(lib);
  }

  /** Every slot with a token present, with its public certificates. */
  tokens(): TokenInfo[] {
    const out: TokenInfo[] = [];
    for (const slot of this.#call(() => this.#lib.C_GetSlotList(true))) {
      const info = this.#call(() => this.#lib.C_GetTokenInfo(slot));
      // A blank token (SoftHSM's spare slot, a card never personalised) has no objects to list.
      if ((info.flags & CK.CKF_TOKEN_INITIALIZED) === 0) continue;
      const session = this.#call(() => this.#lib.C_OpenSession(slot, CK.CKF_SERIAL_SESSION));
      try {
        out.push({
          slot: slot.toString('hex'),
          label: trimmed(info.label),
          manufacturer: trimmed(info.manufacturerID),
          model: trimmed(info.model),
          serialNumber: trimmed(info.serialNumber),
          loginRequired: (info.flags & CK.CKF_LOGIN_REQUIRED) !== 0,
          pin: pinStateFromFlags(info.flags),
          certificates: this.#certificates(session),
        });
      } finally {
        this.#lib.C_CloseSession(session);
      }
    }
    return out;
  }

  /** Opens a session on the token with this label (or the only token when no label is given). */
  open(tokenLabel: string): TokenSession {
    const slots = this.#call(() => this.#lib.C_GetSlotList(true));
    const matching = slots.filter(
      (s) =>
        tokenLabel === '' ||
        trimmed(this.#call(() => this.#lib.C_GetTokenInfo(s)).label) === tokenLabel,
    );
    const slot = matching[0];
    if (slot === undefined || (tokenLabel === '' && matching.length > 1))
      throw new SigningError(
        'SIGNING_TOKEN_ABSENT',
        tokenLabel === ''
          ? `${String(matching.length)} tokens present and no signing.tokenLabel`
          : `no token labelled "${tokenLabel}"`,
      );
    const session = this.#call(() => this.#lib.C_OpenSession(slot, CK.CKF_SERIAL_SESSION));
    return new TokenSession(this.#lib, slot, session, (s) => this.#certificates(s));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#lib.C_Finalize();
    } finally {
      this.#lib.close();
      moduleOpen = false;
    }
  }

  #certificates(session: Handle): TokenCertificate[] {
    return findObjects(this.#lib, session, CK.CKO_CERTIFICATE).map((h) => {
      const [id, label, value] = this.#lib.C_GetAttributeValue(session, h, [
        { type: CK.CKA_ID },
        { type: CK.CKA_LABEL },
        { type: CK.CKA_VALUE },
      ]);
      return {
        id: id?.value.toString('hex') ?? '',
        label: label?.value.toString('utf8') ?? '',
        der: new Uint8Array(value?.value ?? Buffer.alloc(0)),
      };
    });
  }

  #call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw signingErrorFromPkcs11(error);
    }
  }
}

function findObjects(lib: pkcs11js.PKCS11, session: Handle, cls: number): Handle[] {
  lib.C_FindObjectsInit(session, [{ type: CK.CKA_CLASS, value: cls }]);
  try {
    return lib.C_FindObjects(session, 64);
  } finally {
    lib.C_FindObjectsFinal(session);
  }
}

/** A session on one token. The PIN goes to C_Login and is not kept. */
export class TokenSession {
  readonly #lib: pkcs11js.PKCS11;
  readonly #slot: Handle;
  readonly #session: Handle;
  readonly #listCertificates: (session: Handle) => TokenCertificate[];

  constructor(
    lib: pkcs11js.PKCS11,
    slot: Handle,
    session: Handle,
    listCertificates: (session: Handle) => TokenCertificate[],
  ) {
    this.#lib = lib;
    this.#slot = slot;
    this.#session = session;
    this.#listCertificates = listCertificates;
  }

  pinState(): PinState {
    try {
      return pinStateFromFlags(this.#lib.C_GetTokenInfo(this.#slot).flags);
    } catch (error) {
      throw signingErrorFromPkcs11(error);
    }
  }

  login(pin: string): void {
    if (pin === '') throw new SigningError('SIGNING_PIN_REQUIRED', 'empty PIN');
    // A locked token is refused before C_Login so no further try is spent.
    if (this.pinState().locked) throw new SigningError('SIGNING_PIN_LOCKED', 'CKF_USER_PIN_LOCKED');
    try {
      this.#lib.C_Login(this.#session, CK.CKU_USER, pin);
    } catch (error) {
      let after: PinState | undefined;
      try {
        after = this.pinState();
      } catch {
        after = undefined;
      }
      throw signingErrorFromPkcs11(error, after);
    }
  }

  certificates(): TokenCertificate[] {
    try {
      return this.#listCertificates(this.#session);
    } catch (error) {
      throw signingErrorFromPkcs11(error);
    }
  }

  /** Private keys (visible after login). */
  keys(): TokenKey[] {
    try {
      return findObjects(this.#lib, this.#session, CK.CKO_PRIVATE_KEY).map((h) => {
        const [id, label, type] = this.#lib.C_GetAttributeValue(this.#session, h, [
          { type: CK.CKA_ID },
          { type: CK.CKA_LABEL },
          { type: CK.CKA_KEY_TYPE },
        ]);
        return {
          id: id?.value.toString('hex') ?? '',
          label: label?.value.toString('utf8') ?? '',
          keyType:
            type !== undefined && type.value.length > 0 && type.value[0] === CK.CKK_EC
              ? 'ec'
              : 'rsa',
        };
      });
    } catch (error) {
      throw signingErrorFromPkcs11(error);
    }
  }

  /**
   * Signs inside the token. RSA: `data` is the DER DigestInfo (CKM_RSA_PKCS,
   * which every token has, unlike the hashing mechanisms); EC: `data` is the
   * hash and the answer is r||s (CKM_ECDSA).
   */
  sign(key: TokenKey, data: Uint8Array): Uint8Array {
    try {
      const handle = findObjects(this.#lib, this.#session, CK.CKO_PRIVATE_KEY).find(
        (h) =>
          this.#lib
            .C_GetAttributeValue(this.#session, h, [{ type: CK.CKA_ID }])[0]
            ?.value.toString('hex') === key.id,
      );
      if (handle === undefined)
        throw new SigningError('SIGNING_NO_KEY', `no private key ${key.id}`);
      const mechanism = key.keyType === 'ec' ? CK.CKM_ECDSA : CK.CKM_RSA_PKCS;
      this.#lib.C_SignInit(this.#session, { mechanism }, handle);
      return new Uint8Array(this.#lib.C_Sign(this.#session, Buffer.from(data), Buffer.alloc(1024)));
    } catch (error) {
      if (error instanceof SigningError) throw error;
      throw signingErrorFromPkcs11(error);
    }
  }

  close(): void {
    try {
      this.#lib.C_Logout(this.#session);
    } catch {
      // not logged in, or the token is gone: nothing to undo
    }
    try {
      this.#lib.C_CloseSession(this.#session);
    } catch {
      // the token is gone
    }
  }
}
