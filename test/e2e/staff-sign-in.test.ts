import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../electron/api/error-messages';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { addStaff, CLERK, signInWithPassword as signIn, type StaffUser } from './support/staff';
import { startShellProcess, type ShellProcess } from './support/shell-process';

const ADMIN: StaffUser = { username: 'quantri', password: 'mat-khau-quan-tri-1' };

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let cdp: CDPSession;
let authenticatorId: string;

async function addAuthenticator(isUserVerified = true): Promise<string> {
  const added = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified,
      automaticPresenceSimulation: true,
    },
  });
  return added.authenticatorId;
}

const signInWithPassword = (user: StaffUser) => signIn(page, user);

async function signOut() {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
}

async function passkeyAttempt(username: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByRole('button', { name: 'Đăng nhập bằng khoá bảo mật (vân tay)' }).click();
}

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff' }, {}, (dataDir) => {
    addStaff(dataDir, ADMIN, 'admin');
    addStaff(dataDir, CLERK);
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  authenticatorId = await addAuthenticator();
  await page.goto(shell.url);
  await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
});

describe('staff sign-in with a FIDO2 security key (Chromium virtual authenticator, CTAP2, user verification)', () => {
  it('an admin registers a key to a clerk, who then signs in with it', async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/staff-sign-in.png` });
    await signInWithPassword(ADMIN);
    await page.getByRole('link', { name: 'Khoá bảo mật' }).click();
    await page.getByLabel('Tài khoản cán bộ').fill(CLERK.username);
    await page.getByRole('button', { name: 'Đăng ký khoá' }).click();
    await page.getByText(`Đã đăng ký khoá bảo mật cho ${CLERK.username}.`).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/staff-passkey-registered.png` });
    await signOut();

    await passkeyAttempt(CLERK.username);
    await page.getByText(`Cán bộ: ${CLERK.username}`).waitFor();
    await expect(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/staff-signed-in-with-key.png` });
    await signOut();
  });

  it('refuses the key when the fingerprint (user verification) fails', async () => {
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await passkeyAttempt(CLERK.username);
    await page.getByRole('alert').waitFor();
    expect(await page.getByText(/Cán bộ: /).count()).toBe(0);
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
  });

  it('rejects a cloned credential whose sign counter went back', async () => {
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    const original = credentials[0]!;
    await passkeyAttempt(CLERK.username);
    await page.getByText(`Cán bộ: ${CLERK.username}`).waitFor();
    await signOut();

    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    authenticatorId = await addAuthenticator();
    await cdp.send('WebAuthn.addCredential', {
      authenticatorId,
      credential: { ...original, signCount: Math.max(0, original.signCount - 1) },
    });
    await passkeyAttempt(CLERK.username);
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      errorMessages.PASSKEY_REJECTED.vi,
    );
    expect(await page.getByText(/Cán bộ: /).count()).toBe(0);
  });

  it('rejects a credential the kiosk never registered', async () => {
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    authenticatorId = await addAuthenticator();
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await cdp.send('WebAuthn.addCredential', {
      authenticatorId,
      credential: {
        credentialId: randomBytes(16).toString('base64'),
        isResidentCredential: true,
        rpId: 'localhost',
        privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        userHandle: Buffer.from('stranger').toString('base64'),
        signCount: 0,
      },
    });
    await page.getByLabel('Tên đăng nhập').fill('');
    await page.getByRole('button', { name: 'Đăng nhập bằng khoá bảo mật (vân tay)' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      errorMessages.PASSKEY_REJECTED.vi,
    );
    expect(await page.getByText(/Cán bộ: /).count()).toBe(0);
  });

  it('with no key to answer, the clerk can cancel the wait and is told to use the password', async () => {
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    await passkeyAttempt(CLERK.username);
    await page.getByText('Đang chờ khoá bảo mật…').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/staff-passkey-waiting.png` });
    const cancelledAt = Date.now();
    await page.getByRole('button', { name: 'Hủy, dùng mật khẩu' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Chưa xác thực được bằng khoá bảo mật. Hãy thử lại hoặc dùng mật khẩu.',
    );
    expect(Date.now() - cancelledAt).toBeLessThan(5000);
    await expect(page.getByText('Đang chờ khoá bảo mật…').count()).resolves.toBe(0);
    authenticatorId = await addAuthenticator();
  });

  it('still accepts the password as the fallback', async () => {
    await signInWithPassword(CLERK);
    await signOut();
  });
});
