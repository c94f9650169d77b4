import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { startShellProcess, type ShellProcess } from './support/shell-process';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function openShell(shell: ShellProcess): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  await page.goto(shell.url);
  return page;
}

describe('the browser shell in staff mode', () => {
  let shell: ShellProcess;
  beforeAll(async () => {
    shell = await startShellProcess({ mode: 'staff' }, {}, (dataDir) => {
      addStaff(dataDir, CLERK);
    });
  });
  afterAll(async () => {
    await shell.stop();
  });

  it('asks the clerk to sign in, then shows the Vietnamese start screen; the token leaves the address bar', async () => {
    const page = await openShell(shell);
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await signInWithPassword(page, CLERK);
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    await expect(page.getByText('Tiếp nhận hồ sơ mới').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/staff-start-vi.png` });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Dossier reception' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: `${SCREENSHOTS}/staff-start-en.png` });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await page.close();
  });

  it('switches the sign-in screen to English and back', async () => {
    const page = await openShell(shell);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await page.close();
  });

  it('opens Diagnostics with a status for every check', async () => {
    const page = await openShell(shell);
    await page.getByRole('link', { name: 'Chẩn đoán' }).click();
    await page.getByRole('heading', { name: 'Chẩn đoán hệ thống' }).waitFor();
    await page.locator('tr[data-check="config"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('tr[data-check="config"]').getAttribute('data-status')).toBe('ok');
    expect(await page.locator('tr[data-check="node"]').getAttribute('data-status')).toBe('ok');
    for (const id of ['disk', 'pcscd', 'scanners', 'portal', 'native:better-sqlite3']) {
      expect(await page.locator(`tr[data-check="${id}"]`).count()).toBe(1);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/diagnostics-vi.png`, fullPage: true });
    await page.close();
  });

  it('refuses to start without the launch token and says how to open it', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(shell.url).origin);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('npm start');
    await page.close();
  });
});

describe('the browser shell in kiosk mode', () => {
  let shell: ShellProcess;
  beforeAll(async () => {
    shell = await startShellProcess({ mode: 'kiosk', idleTimeoutSeconds: 6 });
  });
  afterAll(async () => {
    await shell.stop();
  });

  it('greets the citizen with big touch targets', async () => {
    const page = await openShell(shell);
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    const sizes = await page
      .locator('main button')
      .evaluateAll((buttons) =>
        buttons.map((b) =>
          Math.min(b.getBoundingClientRect().height, b.getBoundingClientRect().width),
        ),
      );
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-start-vi.png` });
    await page.close();
  });

  it('after the idle timeout returns to a clean Vietnamese start screen', async () => {
    const page = await openShell(shell);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Large text' }).click();
    await page.evaluate(() => {
      localStorage.setItem('draft', 'citizen data');
    });
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-start-en-large.png` });
    await page.getByRole('alertdialog').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-idle-warning.png` });
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => localStorage.getItem('draft'))).toBeNull();
    expect(await page.getByRole('button', { name: 'Chữ to' }).count()).toBe(1);
    await page.close();
  });
});

describe('a fresh counter kiosk with no staff accounts', () => {
  let shell: ShellProcess;
  beforeAll(async () => {
    shell = await startShellProcess({ mode: 'staff' });
  });
  afterAll(async () => {
    await shell.stop();
  });

  it('tells IT staff how to create the first account', async () => {
    const page = await openShell(shell);
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toContain('kiosk staff add');
    await page.close();
  });
});
