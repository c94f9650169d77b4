import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type Database from 'better-sqlite3';
import { KioskError } from '../../api/errors';
import type { StaffAccount, StaffAccounts } from './staff-accounts';

/**
 * The WebAuthn library, loaded at the first security-key ceremony rather than
 * at start-up (it takes most of a second to load on a busy kiosk).
 */
const webauthn = () => import('@simplewebauthn/server');

/** How long a challenge stays valid: one touch of the key, with time to find it. */
const CHALLENGE_TTL_MS = 2 * 60 * 1000;

interface CredentialRow {
  readonly credential_id: string;
  readonly staff_id: string;
  readonly public_key: Buffer;
  readonly sign_count: number;
  readonly transports: string;
}

interface PendingChallenge {
  readonly challenge: string;
  readonly origin: string;
  readonly expires: number;
  /** Registration: the account the key is being registered to. */
  readonly staffId?: string;
}

/** The relying party is the page's host: `localhost` in the browser shell. */
const rpIdOf = (origin: string) => new URL(origin).hostname;

/**
 * Staff sign-in with FIDO2 security keys (fingerprint or PIN). The browser
 * talks CTAP2 to the key; here the challenge is issued and the answer
 * verified with @simplewebauthn/server, always requiring user verification.
 * Sign counters are stored, so an answer from a cloned key whose counter
 * went back is rejected.
 */
export class Passkeys {
  readonly #db: Database.Database;
  readonly #accounts: StaffAccounts;
  readonly #rpName: string;
  readonly #now: () => number;
  #registration: PendingChallenge | undefined;
  #authentication: PendingChallenge | undefined;

  constructor(
    db: Database.Database,
    accounts: StaffAccounts,
    rpName: string,
    now: () => number = Date.now,
  ) {
    this.#db = db;
    this.#accounts = accounts;
    this.#rpName = rpName;
    this.#now = now;
  }

  count(staffId: string): number {
    return (
      this.#db
        .prepare<[string], { n: number }>(
          'SELECT count(*) AS n FROM staff_credentials WHERE staff_id = ?',
        )
        .get(staffId)?.n ?? 0
    );
  }

  async registrationOptions(
    account: StaffAccount,
    origin: string,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = this.#credentialsOf(account.id);
    const { generateRegistrationOptions } = await webauthn();
    const options = await generateRegistrationOptions({
      rpName: this.#rpName,
      rpID: rpIdOf(origin),
      userName: account.username,
      userID: new TextEncoder().encode(account.id),
      attestationType: 'none',
      excludeCredentials: existing.map((row) => ({ id: row.credential_id })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      timeout: CHALLENGE_TTL_MS,
    });
    this.#registration = {
      challenge: options.challenge,
      origin,
      expires: this.#now() + CHALLENGE_TTL_MS,
      staffId: account.id,
    };
    return options;
  }

  async register(
    response: RegistrationResponseJSON,
    origin: string,
  ): Promise<{ credentialId: string }> {
    const pending = this.#take('registration', origin);
    const { verifyRegistrationResponse } = await webauthn();
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpIdOf(origin),
      requireUserVerification: true,
    }).catch((error: unknown) => {
      throw new KioskError(
        'PASSKEY_REJECTED',
        `registration not verified: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    if (!result.verified || pending.staffId === undefined)
      throw new KioskError('PASSKEY_REJECTED', 'registration not verified');
    const { credential, aaguid, userVerified } = result.registrationInfo;
    this.#db
      .prepare(
        `INSERT INTO staff_credentials (credential_id, staff_id, public_key, sign_count, transports, aaguid, user_verified, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        credential.id,
        pending.staffId,
        Buffer.from(credential.publicKey),
        credential.counter,
        JSON.stringify(credential.transports ?? []),
        aaguid,
        userVerified ? 1 : 0,
        this.#now(),
      );
    return { credentialId: credential.id };
  }

  /** Options for signing in; with a username only that account's keys are offered. */
  async authenticationOptions(
    origin: string,
    username?: string,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const account = username === undefined ? undefined : this.#accounts.find(username);
    const allow = account ? this.#credentialsOf(account.id) : [];
    const { generateAuthenticationOptions } = await webauthn();
    const options = await generateAuthenticationOptions({
      rpID: rpIdOf(origin),
      userVerification: 'required',
      timeout: CHALLENGE_TTL_MS,
      ...(allow.length > 0
        ? { allowCredentials: allow.map((row) => ({ id: row.credential_id })) }
        : {}),
    });
    this.#authentication = {
      challenge: options.challenge,
      origin,
      expires: this.#now() + CHALLENGE_TTL_MS,
    };
    return options;
  }

  async authenticate(response: AuthenticationResponseJSON, origin: string): Promise<StaffAccount> {
    const pending = this.#take('authentication', origin);
    const row = this.#db
      .prepare<[string], CredentialRow>('SELECT * FROM staff_credentials WHERE credential_id = ?')
      .get(response.id);
    if (!row) throw new KioskError('PASSKEY_REJECTED', 'unknown credential');
    const { verifyAuthenticationResponse } = await webauthn();
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpIdOf(origin),
      credential: {
        id: row.credential_id,
        publicKey: new Uint8Array(row.public_key),
        counter: row.sign_count,
      },
      requireUserVerification: true,
    }).catch((error: unknown) => {
      throw new KioskError(
        'PASSKEY_REJECTED',
        `assertion not verified: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    if (!result.verified) throw new KioskError('PASSKEY_REJECTED', 'assertion not verified');
    this.#db
      .prepare(
        'UPDATE staff_credentials SET sign_count = ?, last_used_at = ? WHERE credential_id = ?',
      )
      .run(result.authenticationInfo.newCounter, this.#now(), row.credential_id);
    const account = this.#accounts.list().find((a) => a.id === row.staff_id);
    if (!account)
      throw new KioskError('PASSKEY_REJECTED', 'the key belongs to an inactive account');
    return account;
  }

  #credentialsOf(staffId: string): CredentialRow[] {
    return this.#db
      .prepare<[string], CredentialRow>('SELECT * FROM staff_credentials WHERE staff_id = ?')
      .all(staffId);
  }

  /** A challenge is used once, only from the origin it was issued to, and only in time. */
  #take(kind: 'registration' | 'authentication', origin: string): PendingChallenge {
    const pending = kind === 'registration' ? this.#registration : this.#authentication;
    if (kind === 'registration') this.#registration = undefined;
    else this.#authentication = undefined;
    if (pending?.origin !== origin || pending.expires < this.#now()) {
      throw new KioskError(
        'PASSKEY_REJECTED',
        `no ${kind} in progress (expired or from another page)`,
      );
    }
    return pending;
  }
}
