import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SoftwareAuthenticator } from '../../../test/support/software-authenticator';
import { KioskError } from '../../api/errors';
import { kioskMigrations } from '../kiosk-migrations';
import { migrate } from '../store/migrator';
import { Passkeys } from './passkeys';
import { StaffAccounts } from './staff-accounts';

/*
 * What the server itself enforces around WebAuthn: the options it asks the
 * browser for, a challenge used once, from its own page, within 2 minutes,
 * and what a sign-in records. passkeys.test.ts covers the signatures and the
 * user-verification flag.
 */
const ORIGIN = 'http://localhost:5173';
const VERIFIED = { up: true, uv: true } as const;
const TTL = 2 * 60 * 1000;

async function setup() {
  let now = 1_000_000;
  const db = new Database(':memory:');
  migrate(db, kioskMigrations);
  const accounts = new StaffAccounts(db);
  const account = await accounts.create('canbo1', 'clerk', 'mật khẩu dài 123');
  const passkeys = new Passkeys(db, accounts, 'Một cửa', () => now);
  return {
    db,
    account,
    passkeys,
    setNow: (t: number) => {
      now = t;
    },
    now: () => now,
  };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof KioskError ? `${error.code}: ${error.message}` : String(error);
  }
}

/** Registers one verified key for canbo1 and returns it. */
async function enrolled(s: Awaited<ReturnType<typeof setup>>): Promise<SoftwareAuthenticator> {
  const key = new SoftwareAuthenticator();
  const options = await s.passkeys.registrationOptions(s.account, ORIGIN);
  await s.passkeys.register(key.register(options, ORIGIN, VERIFIED), ORIGIN);
  return key;
}

describe('the options the kiosk asks the browser for', () => {
  it('registration: this host, no attestation, user verification required, 2 minutes, existing keys excluded', async () => {
    const s = await setup();
    const first = await s.passkeys.registrationOptions(s.account, ORIGIN);
    expect(first).toMatchObject({
      rp: { name: 'Một cửa', id: 'localhost' },
      user: { name: 'canbo1' },
      attestation: 'none',
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      timeout: TTL,
      excludeCredentials: [],
    });
    const key = await enrolled(s);
    const second = await s.passkeys.registrationOptions(s.account, ORIGIN);
    expect(second.excludeCredentials?.map((c) => c.id)).toEqual([
      key.credentialId.toString('base64url'),
    ]);
  });

  it('sign-in: user verification required, and the named clerk’s keys only when there are some', async () => {
    const s = await setup();
    expect(await s.passkeys.authenticationOptions(ORIGIN, 'canbo1')).toMatchObject({
      rpId: 'localhost',
      userVerification: 'required',
      timeout: TTL,
    });
    expect(
      (await s.passkeys.authenticationOptions(ORIGIN, 'canbo1')).allowCredentials,
    ).toBeUndefined();
    const key = await enrolled(s);
    const named = await s.passkeys.authenticationOptions(ORIGIN, 'canbo1');
    expect(named.allowCredentials?.map((c) => c.id)).toEqual([
      key.credentialId.toString('base64url'),
    ]);
    expect((await s.passkeys.authenticationOptions(ORIGIN)).allowCredentials).toBeUndefined();
    expect(
      (await s.passkeys.authenticationOptions(ORIGIN, 'nobody')).allowCredentials,
    ).toBeUndefined();
  });
});

describe('a WebAuthn challenge', () => {
  it('is used once: the same registration answer sent again is refused', async () => {
    const s = await setup();
    const key = new SoftwareAuthenticator();
    const created = key.register(
      await s.passkeys.registrationOptions(s.account, ORIGIN),
      ORIGIN,
      VERIFIED,
    );
    expect(await reason(s.passkeys.register(created, ORIGIN))).toBe('accepted');
    expect(await reason(s.passkeys.register(created, ORIGIN))).toBe(
      'PASSKEY_REJECTED: no registration in progress (expired or from another page)',
    );
    expect(s.passkeys.count(s.account.id)).toBe(1);
  });

  it('is used once: a replayed sign-in answer is refused', async () => {
    const s = await setup();
    const key = await enrolled(s);
    const asserted = key.assert(
      await s.passkeys.authenticationOptions(ORIGIN, 'canbo1'),
      ORIGIN,
      VERIFIED,
    );
    expect(await reason(s.passkeys.authenticate(asserted, ORIGIN))).toBe('accepted');
    expect(await reason(s.passkeys.authenticate(asserted, ORIGIN))).toBe(
      'PASSKEY_REJECTED: no authentication in progress (expired or from another page)',
    );
  });

  it('belongs to the page it was issued to', async () => {
    const s = await setup();
    const key = await enrolled(s);
    const asserted = key.assert(
      await s.passkeys.authenticationOptions(ORIGIN, 'canbo1'),
      ORIGIN,
      VERIFIED,
    );
    expect(await reason(s.passkeys.authenticate(asserted, 'http://localhost:9999'))).toMatch(
      /^PASSKEY_REJECTED: no authentication in progress/,
    );
  });

  it('is good for exactly 2 minutes', async () => {
    const s = await setup();
    const key = new SoftwareAuthenticator();
    const t0 = s.now();
    const late = key.register(
      await s.passkeys.registrationOptions(s.account, ORIGIN),
      ORIGIN,
      VERIFIED,
    );
    s.setNow(t0 + TTL + 1);
    expect(await reason(s.passkeys.register(late, ORIGIN))).toMatch(
      /^PASSKEY_REJECTED: no registration/,
    );
    s.setNow(t0);
    const inTime = key.register(
      await s.passkeys.registrationOptions(s.account, ORIGIN),
      ORIGIN,
      VERIFIED,
    );
    s.setNow(t0 + TTL);
    expect(await reason(s.passkeys.register(inTime, ORIGIN))).toBe('accepted');
  });

  it('for registration does not serve a sign-in, nor the other way round', async () => {
    const s = await setup();
    const key = await enrolled(s);
    await s.passkeys.registrationOptions(s.account, ORIGIN);
    const asserted = key.assert(
      await s.passkeys.authenticationOptions(ORIGIN, 'canbo1'),
      ORIGIN,
      VERIFIED,
    );
    expect(await reason(s.passkeys.authenticate(asserted, ORIGIN))).toBe('accepted');
    const other = new SoftwareAuthenticator();
    const created = other.register(
      await s.passkeys.registrationOptions(s.account, ORIGIN),
      ORIGIN,
      VERIFIED,
    );
    await s.passkeys.authenticationOptions(ORIGIN);
    expect(await reason(s.passkeys.register(created, ORIGIN))).toBe('accepted');
    expect(s.passkeys.count(s.account.id)).toBe(2);
  });
});

describe('what a passkey sign-in records', () => {
  it('stores the key as verified, then the sign count and time of each use', async () => {
    const s = await setup();
    const key = await enrolled(s);
    const row = () =>
      s.db
        .prepare(
          'SELECT staff_id, sign_count, transports, user_verified, created_at, last_used_at FROM staff_credentials',
        )
        .get();
    expect(row()).toEqual({
      staff_id: s.account.id,
      sign_count: 1,
      transports: '["usb"]',
      user_verified: 1,
      created_at: 1_000_000,
      last_used_at: null,
    });
    s.setNow(2_000_000);
    const asserted = key.assert(
      await s.passkeys.authenticationOptions(ORIGIN, 'canbo1'),
      ORIGIN,
      VERIFIED,
    );
    await s.passkeys.authenticate(asserted, ORIGIN);
    expect(row()).toMatchObject({ sign_count: 2, last_used_at: 2_000_000 });
  });

  it('refuses an unknown key, and a key whose account was deactivated', async () => {
    const s = await setup();
    const stranger = new SoftwareAuthenticator();
    const unknown = stranger.assert(
      await s.passkeys.authenticationOptions(ORIGIN),
      ORIGIN,
      VERIFIED,
    );
    expect(await reason(s.passkeys.authenticate(unknown, ORIGIN))).toBe(
      'PASSKEY_REJECTED: unknown credential',
    );
    const key = await enrolled(s);
    s.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(s.account.id);
    const asserted = key.assert(await s.passkeys.authenticationOptions(ORIGIN), ORIGIN, VERIFIED);
    expect(await reason(s.passkeys.authenticate(asserted, ORIGIN))).toBe(
      'PASSKEY_REJECTED: the key belongs to an inactive account',
    );
  });

  it('signs in the account the key belongs to, not another active one', async () => {
    const s = await setup();
    await new StaffAccounts(s.db).create('anh.nguyen', 'admin', 'một mật khẩu khác 456');
    const key = await enrolled(s);
    const asserted = key.assert(await s.passkeys.authenticationOptions(ORIGIN), ORIGIN, VERIFIED);
    expect(await s.passkeys.authenticate(asserted, ORIGIN)).toMatchObject({ username: 'canbo1' });
  });
});

describe('a refusal by the WebAuthn library', () => {
  it('keeps the library’s reason for IT: registration and sign-in without user verification', async () => {
    const s = await setup();
    const touch = { up: true, uv: false } as const;
    const key = new SoftwareAuthenticator();
    const created = key.register(
      await s.passkeys.registrationOptions(s.account, ORIGIN),
      ORIGIN,
      touch,
    );
    expect(await reason(s.passkeys.register(created, ORIGIN))).toMatch(
      /^PASSKEY_REJECTED: registration not verified: .*[Uu]ser verification/,
    );
    const enrolledKey = await enrolled(s);
    const asserted = enrolledKey.assert(
      await s.passkeys.authenticationOptions(ORIGIN),
      ORIGIN,
      touch,
    );
    expect(await reason(s.passkeys.authenticate(asserted, ORIGIN))).toMatch(
      /^PASSKEY_REJECTED: assertion not verified: .*[Uu]ser verification/,
    );
  });
});
