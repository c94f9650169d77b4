/**
 * Signing failures through the core's dispatcher (the API the staff screen
 * calls), against real SoftHSM2 tokens: `return.record` answers the signing
 * code itself (wrong PIN with the token's tries left, locked PIN, token
 * absent, expired certificate), never INTERNAL nor a generic refusal, and
 * records nothing. One core is wired with the label "Kiosk Test Token";
 * SOFTHSM2_CONF is switched between token folders, since the module is
 * loaded afresh (and re-reads it) for every return.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorText } from '../../../electron/api/error-messages';
import type { ApiError, ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { sampleDossier } from '../../fixtures/store/sample-dossier';
import { PIN, SOFTHSM_MODULE, makePki, makeToken } from '../signing/signing-peers';
import type { Pki, SoftToken } from '../signing/signing-peers';

const CLERK = { username: 'canbo2', password: 'mat-khau-can-bo-2' };
const LABEL = 'Kiosk Test Token';
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-return-sign-api-'));
const savedConf = process.env.SOFTHSM2_CONF;
let pki: Pki;
let core: Core;
let code = '';
let resultB64 = '';
const tokens: SoftToken[] = [];

function token(make: () => SoftToken): SoftToken {
  const t = make();
  tokens.push(t);
  return t;
}

/** A return by post (no chip read needed), so the token is the only thing that can refuse it. */
async function record(conf: SoftToken, pin = PIN): Promise<ApiResult<unknown>> {
  process.env.SOFTHSM2_CONF = conf.env.SOFTHSM2_CONF;
  return core.dispatch(
    'return.record',
    {
      query: code,
      results: [{ name: 'Giấy khai sinh', pdfBase64: resultB64 }],
      receiver: { kind: 'post' },
      offlineInHand: true,
      pin,
    },
    { transport: 'local' },
  );
}

function refusal(result: ApiResult<unknown>): ApiError {
  if (result.ok) throw new Error('expected return.record to be refused');
  return result.error;
}

beforeAll(async () => {
  pki = makePki();
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      receipt: { place: 'Bình Sơn' },
      signing: { pkcs11Module: SOFTHSM_MODULE, tokenLabel: LABEL, chainFile: pki.chainFile },
    }),
  );
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  const signIn = await core.dispatch('auth.signIn', CLERK, { transport: 'local' });
  expect(signIn.ok).toBe(true);
  ({ code } = core.store.save(sampleDossier('sign-api', { receivedAt: Date.now() }), 'test'));
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]);
  resultB64 = Buffer.from(await doc.save()).toString('base64');
});

afterAll(async () => {
  await core.dispose();
  for (const t of tokens) t.remove();
  rmSync(dataDir, { recursive: true, force: true });
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

describe('signing failures through the return API', () => {
  it('a wrong PIN answers SIGNING_PIN_WRONG with what the token says of the tries left', async () => {
    const t = token(() => makeToken(pki.signer, [], LABEL));
    const first = refusal(await record(t, '000000'));
    expect(first.code).toBe('SIGNING_PIN_WRONG');
    // SoftHSM raises COUNT_LOW after a wrong PIN; it never counts down itself.
    expect(first.pin).toEqual({ triesLow: true });
    expect(first.message).not.toContain('000000');
    expect(apiErrorText(first).vi).toContain('Mã PIN không đúng');
    // The state a real token reaches one try before its lock.
    t.setUserPinFlags({ finalTry: true });
    const last = refusal(await record(t, '000000'));
    expect(last).toMatchObject({ code: 'SIGNING_PIN_WRONG', pin: { triesLeft: 1 } });
    expect(apiErrorText(last).vi).toContain('Chỉ còn 1 lần thử trước khi token bị khoá');
    expect(core.store.returnOf(code)).toBeNull();
  });

  it('once the token has locked its PIN the answer is SIGNING_PIN_LOCKED, even for the right PIN', async () => {
    const t = token(() => makeToken(pki.signer, [], LABEL));
    t.setUserPinFlags({ locked: true });
    const error = refusal(await record(t));
    expect(error.code).toBe('SIGNING_PIN_LOCKED');
    expect(apiErrorText(error).vi).toContain('bị khoá');
  });

  it('a configured token label that is not plugged in answers SIGNING_TOKEN_ABSENT', async () => {
    const other = token(() => makeToken(pki.signer, [], 'Token Khác'));
    const error = refusal(await record(other));
    expect(error.code).toBe('SIGNING_TOKEN_ABSENT');
    expect(apiErrorText(error).vi).toContain('cắm token');
  });

  it('an expired certificate answers SIGNING_CERT_EXPIRED and the return is not recorded', async () => {
    const t = token(() => makeToken(pki.expiredSigner, [], LABEL));
    const error = refusal(await record(t));
    expect(error.code).toBe('SIGNING_CERT_EXPIRED');
    expect(apiErrorText(error).vi).toContain('hết hạn');
    expect(core.store.returnOf(code)).toBeNull();
  });
});
