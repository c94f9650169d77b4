import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScreen } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { seedCentreDay } from '../support/seed-report';

/**
 * Issue 19 item 6 in Chromium through the browser shell: a clerk opens
 * "Báo cáo trung tâm", chooses 01/12/2026–02/12/2026 of a centre whose
 * tickets and ratings were written into the real store (see seed-report.ts
 * for the hand-worked figures), and sees three drawn charts and the same
 * figures in tables.
 */
let browser: Browser;
let shell: ShellProcess;
let page: Page;

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff' }, {}, (dataDir) => {
    addStaff(dataDir, CLERK); // opens the store, so the queue tables exist
    seedCentreDay(dataDir);
  });
  browser = await launchChromium();
  // axe-core needs a page of a context the test made itself.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(shell.url);
  await signInWithPassword(page, CLERK);
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
});

/** Pixels of a chart's canvas that are not transparent: bars, axes and labels drawn. */
function paintedPixels(chart: string): Promise<number> {
  return page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${name}"] canvas`);
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
    return painted;
  }, chart);
}

/** The cells of a table row whose header cell is `name`. */
async function rowOf(table: string, name: string): Promise<string[]> {
  const row = page.locator(`[data-table="${table}"] tr`, {
    has: page.locator('th', { hasText: name }),
  });
  return row.first().locator('td').allInnerTexts();
}

describe('centre report screen', () => {
  it('shows the chosen days as charts and as tables with the seeded figures', async () => {
    await page.getByRole('button', { name: /Báo cáo trung tâm/ }).click();
    await page.getByRole('heading', { name: 'Báo cáo trung tâm', level: 1 }).waitFor();
    await page.getByLabel('Từ ngày').fill('2026-12-01');
    await page.getByLabel('Đến ngày').fill('2026-12-02');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.getByRole('heading', { name: 'Từ 01/12/2026 đến 02/12/2026' }).waitFor();

    for (const chart of ['tickets', 'waiting', 'satisfaction'])
      expect(await paintedPixels(chart), chart).toBeGreaterThan(2000);
    await expect(page.getByRole('img', { name: 'Số thứ tự theo lĩnh vực' }).count()).resolves.toBe(
      1,
    );

    // taken, priority, served, no-show, waiting, called
    expect(await rowOf('areas', 'Hộ tịch')).toEqual(['3', '1', '2', '1', '0', '0']);
    // CT's #2 was left waiting on a day that has ended: not served, a no-show (day-end rule).
    expect(await rowOf('areas', 'Chứng thực')).toEqual(['2', '0', '1', '1', '0', '0']);
    // count, median, p90, max, then the bars
    expect(await rowOf('times', 'Thời gian chờ')).toEqual([
      '4',
      '16',
      '30',
      '30',
      '1',
      '0',
      '1',
      '0',
      '1',
      '1',
      '0',
      '0',
    ]);
    expect((await rowOf('times', 'Thời gian phục vụ')).slice(0, 4)).toEqual(['3', '8', '12', '12']);
    expect(await rowOf('counters', 'Quầy 1')).toEqual(['1', '1', '0', '0', '2', '100%']);
    expect(await page.locator('[data-table="counters"] tfoot td').allInnerTexts()).toEqual([
      '1',
      '1',
      '0',
      '1',
      '3',
      '66,7%',
    ]);
    expect(await rowOf('clerks', 'minh')).toEqual(['0', '0', '0', '1', '1', '0%']);
    expect(await rowOf('days', '01/12/2026')).toEqual(['3', '2', '1', '10', '9', '100%']);
    await expect(page.locator('[data-table="days"] tbody tr').count()).resolves.toBe(2);

    await page.screenshot({ path: `${SCREENSHOTS}/centre-report.png`, fullPage: true });
    const axe = await axeScreen(page, 'centre-report');
    expect(axe.blocking).toEqual([]);
  });

  it('refuses a start after the end in Vietnamese, without asking the core', async () => {
    await page.getByLabel('Từ ngày').fill('2026-12-03');
    await page.getByLabel('Đến ngày').fill('2026-12-01');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc. Chọn lại khoảng ngày.',
    );
  });
});
