import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SoftwareAuthenticator } from '../../../test/support/software-authenticator';
import { KioskError } from '../../api/errors';
import { kioskMigrations } from '../kiosk-migrations';
import { migrate } from '../store/migrator';
import { Passkeys } from './passkeys';
import { StaffAccounts } from './staff-accounts';

const ORIGIN = 'http://localhost:5173';
const VERIFIED = { up: true, uv: true } as const;
const TOUCH_ONLY = { up: true, uv: false } as const;

// The browser refuses to send an answer without user verification when the
// options require it, so only a software authenticator reaches the server's
// own check: these tests are what guard `requireUserVerification: true`.
async function setup() {
  const db = new Database(':memory:');
  migrate(db, kioskMigrations);
  const accounts = new StaffAccounts(db);
  const account = await accounts.create('canbo1', 'clerk', 'mật khẩu dài 123');
  return { db, account, passkeys: new Passkeys(db, accounts, 'Một cửa') };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof KioskError ? error.code : String(error);
  }
}

describe('staff security keys', () => {
  it('a key verified by fingerprint or PIN registers and signs in', async () => {
    const { passkeys, account } = await setup();
    const key = new SoftwareAuthenticator();
    const created = key.register(
      await passkeys.registrationOptions(account, ORIGIN),
      ORIGIN,
      VERIFIED,
    );
    await expect(passkeys.register(created, ORIGIN)).resolves.toEqual({ credentialId: created.id });
    const asserted = key.assert(
      await passkeys.authenticationOptions(ORIGIN, 'canbo1'),
      ORIGIN,
      VERIFIED,
    );
    await expect(passkeys.authenticate(asserted, ORIGIN)).resolves.toMatchObject({
      username: 'canbo1',
    });
  });

  it('a sign-in touched but not verified (UV flag 0) is refused', async () => {
    const { passkeys, account, db } = await setup();
    const key = new SoftwareAuthenticator();
    const created = key.register(
      await passkeys.registrationOptions(account, ORIGIN),
      ORIGIN,
      VERIFIED,
    );
    await passkeys.register(created, ORIGIN);
    const before = db.prepare('SELECT sign_count, last_used_at FROM staff_credentials').get();
    const asserted = key.assert(
      await passkeys.authenticationOptions(ORIGIN, 'canbo1'),
      ORIGIN,
      TOUCH_ONLY,
    );
    expect(await codeOf(passkeys.authenticate(asserted, ORIGIN))).toBe('PASSKEY_REJECTED');
    expect(db.prepare('SELECT sign_count, last_used_at FROM staff_credentials').get()).toEqual(
      before,
    );
  });

  it('a key registered without user verification is refused', async () => {
    const { passkeys, account } = await setup();
    const key = new SoftwareAuthenticator();
    const created = key.register(
      await passkeys.registrationOptions(account, ORIGIN),
      ORIGIN,
      TOUCH_ONLY,
    );
    expect(await codeOf(passkeys.register(created, ORIGIN))).toBe('PASSKEY_REJECTED');
    expect(passkeys.count(account.id)).toBe(0);
  });

  it('an answer signed by another key for the same credential is refused', async () => {
    const { passkeys, account } = await setup();
    const key = new SoftwareAuthenticator();
    await passkeys.register(
      key.register(await passkeys.registrationOptions(account, ORIGIN), ORIGIN, VERIFIED),
      ORIGIN,
    );
    const impostor = new SoftwareAuthenticator();
    const forged = impostor.assert(await passkeys.authenticationOptions(ORIGIN), ORIGIN, VERIFIED);
    const withStolenId = {
      ...forged,
      id: key.credentialId.toString('base64url'),
      rawId: key.credentialId.toString('base64url'),
    };
    expect(await codeOf(passkeys.authenticate(withStolenId, ORIGIN))).toBe('PASSKEY_REJECTED');
  });
});
