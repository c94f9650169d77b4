import { writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScreen, axeSummary } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';

/**
 * axe-core on the kiosk screens a citizen reaches without a card: start,
 * start in large text, lookup, lookup not found, Diagnostics, the first two
 * submit steps, and the idle warning. The screens behind the card read are
 * checked inside kiosk-flow.test.ts.
 */
let browser: Browser;
let shell: ShellProcess;
let page: Page;

async function expectClean(screen: string): Promise<void> {
  const count = await axeScreen(page, screen);
  await page.screenshot({ path: `${SCREENSHOTS}/kiosk-a11y-${screen}.png`, fullPage: true });
  expect(count.blocking, screen).toEqual([]);
}

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'kiosk', idleTimeoutSeconds: 600 });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  await page.goto(shell.url);
  await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
});

afterAll(async () => {
  writeFileSync('test-results/kiosk-a11y.txt', `${axeSummary()}\n`);
  console.log(`axe, violations per screen:\n${axeSummary()}`);
  await browser.close();
  await shell.stop();
});

/** The dossier-code field of the lookup: what a citizen types that the wipe must clear. */
async function codeField(p: Page): Promise<Locator> {
  await p.getByRole('button', { name: /Tra cứu hồ sơ/ }).click();
  await p.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
  return p.getByLabel('Nhập mã hồ sơ hoặc quét mã QR trên giấy hẹn', { exact: true });
}

describe('accessibility of the kiosk screens (axe-core, WCAG 2.1 AA)', () => {
  it('the start screen, in normal and large text, has no serious or critical violation', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expectClean('start');
    await page.getByRole('button', { name: 'Chữ to' }).click();
    await expectClean('start-large-text');
    await page.getByRole('button', { name: 'Chữ thường' }).click();
  });

  it('the lookup screen and its not-found answer', async () => {
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).click();
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    await expectClean('lookup');
    await page
      .getByLabel('Nhập mã hồ sơ hoặc quét mã QR trên giấy hẹn', { exact: true })
      .fill('000.00.00.H00-251125-9999');
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
    await expectClean('lookup-not-found');
    await page.getByRole('link', { name: /Quay lại/ }).click();
  });

  it('Diagnostics, readable without staff', async () => {
    // No footer link in kiosk mode: IT opens Diagnostics by its address.
    expect(await page.getByRole('link', { name: 'Chẩn đoán' }).count()).toBe(0);
    await page.goto(`${shell.url.split('#')[0] ?? shell.url}#/diagnostics`);
    await page.locator('table.checks').waitFor({ timeout: 60_000 });
    await page.locator('.ocr-pool dl').waitFor();
    // Every line IT reads is Vietnamese: technical names (pcscd, paths, a system error) only
    // after "Chi tiết:" or "Lỗi hệ thống báo:".
    const lines = await page.locator('table.checks td .seen').allTextContents();
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const sentence = line.split(/Lỗi hệ thống báo:|Chi tiết:|\(|http|\//)[0] ?? '';
      expect(sentence, line).not.toMatch(
        /\b(not|no|found|free|loads?|listening|answered|reachable|installed|ready|reader|pending|parked|workers|device)\b/i,
      );
    }
    await expectClean('diagnostics');
    await page.getByRole('link', { name: 'Trang đầu' }).click();
  });

  it('the first submit steps: choose the procedure, then the card', async () => {
    await page.getByRole('button', { name: /Nộp hồ sơ/ }).click();
    await page.getByRole('heading', { name: 'Ông/Bà muốn làm thủ tục nào?' }).waitFor();
    await page.locator('[data-procedure]').first().waitFor();
    await expectClean('submit-procedure');
    await page.locator('[data-procedure="1.001193"]').click();
    // No reader is started here: whether pcscd answers depends on what else runs on the machine,
    // so the card step may settle on either of its two headings; both must be clean.
    await page
      .getByRole('heading', {
        name: /^(Mời Ông\/Bà đặt thẻ Căn cước lên đầu đọc|Máy đọc thẻ đang tạm ngừng)$/,
      })
      .waitFor();
    await expectClean('submit-card');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
  });

  it('the idle warning, then the wipe: the half-typed lookup is gone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const idle = await context.newPage();
    await idle.clock.install();
    await idle.goto(shell.url);
    // A citizen's aids are theirs alone: on now, back to default after the wipe.
    await idle.getByRole('button', { name: 'Chữ to' }).click();
    await idle.getByRole('button', { name: 'Nghe hướng dẫn' }).click();
    await (await codeField(idle)).fill('000.00.00.H00-251125-0042');
    await idle.clock.runFor(590_000);
    await idle.getByRole('alertdialog').waitFor();
    const previous = page;
    page = idle;
    try {
      await expectClean('idle-warning');
    } finally {
      page = previous;
    }
    await idle.clock.runFor(20_000);
    await idle.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    expect(await idle.content()).not.toContain('251125-0042');
    await idle.getByRole('button', { name: 'Chữ to', pressed: false }).waitFor();
    await idle.getByRole('button', { name: 'Nghe hướng dẫn', pressed: false }).waitFor();
    await expect((await codeField(idle)).inputValue()).resolves.toBe('');
    await context.close();
  });
});
