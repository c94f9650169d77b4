import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScreen } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { kioskCli } from './support/kiosk-cli';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { startShellProcess, type ShellProcess } from './support/shell-process';

/**
 * A clerk runs counter 1 from the `/queue` screen (issue 19 items 3-4):
 * call, recall, skip a no-show once it was called maxCalls times, transfer
 * to another counter, serve with the dossier code, an empty queue, and a
 * priority number called first. Tickets are taken by the real `kiosk queue
 * take` on the same data folder; the outcome is read back through the
 * core's queue.status, not only from the screen.
 */
let browser: Browser;
let shell: ShellProcess;
let page: Page;

interface AreaStatus {
  code: string;
  waiting: number;
  waitingPriority: number;
  served: number;
  noShows: number;
}
interface Status {
  areas: AreaStatus[];
  counters: {
    counter: number;
    current: { number: number; dossierCode: string | null } | null;
    waitingHere: number;
  }[];
}

/** queue.status over the page's own API socket, as a hall display would ask it. */
async function queueStatus(): Promise<Status> {
  const answer = await page.evaluate(async () => {
    const token = sessionStorage.getItem('kiosk.token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/api`);
    return new Promise<string>((resolve) => {
      ws.onopen = () => {
        ws.send(JSON.stringify({ type: 'hello', token }));
        ws.send(JSON.stringify({ type: 'call', id: 1, method: 'queue.status', params: {} }));
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as { type: string };
        if (message.type === 'result') {
          ws.close();
          resolve(event.data);
        }
      };
    });
  });
  const parsed = JSON.parse(answer) as { result: { ok: boolean; value: Status } };
  if (!parsed.result.ok) throw new Error(answer);
  return parsed.result.value;
}

function area(status: Status, code: string): AreaStatus {
  const found = status.areas.find((a) => a.code === code);
  if (!found) throw new Error(`no area ${code}`);
  return found;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/queue-counter-${name}.png`, fullPage: true });
  const count = await axeScreen(page, `queue-counter-${name}`);
  expect(count.blocking, name).toEqual([]);
}

const current = () => page.locator('.queue-current');
const notice = () => page.locator('.queue-counter [role="status"]');

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff', centre: { maxCalls: 2 } }, {}, (dataDir) => {
    addStaff(dataDir, CLERK);
    // Numbers 1-3 for Hộ tịch and 4 for Cư trú, from the real CLI.
    for (const code of ['HT', 'HT', 'HT', 'CU']) {
      kioskCli(dataDir, ['queue', 'take', '--area', code, '--json']);
    }
  });
  browser = await launchChromium();
  // A context of its own: axe needs one (browser.newPage's is hidden from it).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(shell.url);
  await signInWithPassword(page, CLERK);
});

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (shell as ShellProcess | undefined)?.stop();
});

describe('the counter call screen', () => {
  it('opens from the staff start screen and remembers the counter chosen', async () => {
    await page.getByRole('button', { name: /Gọi số thứ tự/ }).click();
    await page.getByRole('heading', { name: 'Gọi số thứ tự' }).waitFor();
    await page.getByText('Chọn quầy đang ngồi làm việc; máy này sẽ nhớ lựa chọn.').waitFor();
    await page.locator('tr[data-area="HT"][data-waiting="3"]').waitFor();
    await shot('1-choose-counter');
    await page.getByLabel('Quầy của tôi').selectOption('1');
    expect(await page.evaluate(() => localStorage.getItem('kiosk.queue.counter'))).toBe('1');
  });

  it('calls, recalls, and skips a no-show only after maxCalls calls', async () => {
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await notice().getByText('Đã gọi số 1 lên quầy 1.').waitFor();
    await current().and(page.locator('[data-number="1"][data-calls="1"]')).waitFor();
    const skip = page.getByRole('button', { name: 'Vắng mặt — bỏ qua' });
    expect(await skip.isDisabled()).toBe(true);
    await page.getByText('Bỏ qua được sau khi đã gọi đủ 2 lần (mới gọi 1 lần).').waitFor();
    await shot('2-called');

    await page.getByRole('button', { name: 'Gọi lại' }).click();
    await notice().getByText('Đã gọi lại số 1 (lần 2).').waitFor();
    await current().and(page.locator('[data-calls="2"]')).waitFor();
    expect(await page.getByRole('button', { name: 'Gọi lại' }).isDisabled()).toBe(true);
    expect(await skip.isEnabled()).toBe(true);
    await skip.click();
    await notice().getByText('Đã bỏ qua số 1 (vắng mặt).').waitFor();
    const status = await queueStatus();
    expect(area(status, 'HT')).toMatchObject({ waiting: 2, noShows: 1 });
    expect(status.counters.find((c) => c.counter === 1)?.current).toBeNull();
  });

  it('transfers a ticket to counter 3, where counter 1 no longer calls it nor counts it as waiting', async () => {
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await current().and(page.locator('[data-number="2"]')).waitFor();
    await page.getByLabel('Chuyển đến').selectOption({ label: 'Quầy số 3' });
    await page.getByRole('button', { name: 'Chuyển quầy/lĩnh vực' }).click();
    await notice().getByText('Đã chuyển số 2.').waitFor();
    expect(await current().count()).toBe(0);
    // Number 2 waits for counter 3 alone: Hộ tịch's line holds only number 3.
    const status = await queueStatus();
    expect(area(status, 'HT').waiting).toBe(1);
    expect(status.counters.map((c) => c.waitingHere)).toEqual([0, 0, 1]);
  });

  it('serves with the dossier code, then says plainly that nobody waits', async () => {
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await current().and(page.locator('[data-number="3"]')).waitFor();
    await page.getByLabel('Mã hồ sơ (nếu có)').fill('000.00.00.H00-261207-0001');
    await page.getByRole('button', { name: 'Đã phục vụ xong' }).click();
    await notice()
      .getByText('Số 3 đã phục vụ xong, gắn với hồ sơ 000.00.00.H00-261207-0001.')
      .waitFor();
    expect(area(await queueStatus(), 'HT')).toMatchObject({ waiting: 0, served: 1, noShows: 1 });
    await page.locator('tr[data-area="HT"][data-waiting="0"]').waitFor();

    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await notice()
      .getByText('Chưa có ai chờ ở lĩnh vực của quầy này (Hộ tịch, Chứng thực, Lĩnh vực khác).')
      .waitFor();
    // Said as a warning, not in the green of a done action.
    expect(await notice().getAttribute('class')).toBe('queue-why');
    await shot('3-empty');
  });

  it('issues a priority number for the operator and calls it before later ones', async () => {
    kioskCli(shell.dataDir, ['queue', 'take', '--area', 'CT', '--json']);
    await page.getByLabel('Đối tượng ưu tiên').selectOption({ label: 'Phụ nữ mang thai' });
    await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: 'Hộ tịch' });
    await page.getByRole('button', { name: 'Cấp số ưu tiên' }).click();
    await notice().getByText('Đã cấp số ưu tiên 6 (Phụ nữ mang thai, Hộ tịch).').waitFor();
    expect(area(await queueStatus(), 'HT').waitingPriority).toBe(1);
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await current().and(page.locator('[data-number="6"]')).waitFor();
    await current().getByText('Phụ nữ mang thai').waitFor();
    await shot('4-priority');
    const status = await queueStatus();
    expect(status.counters.find((c) => c.counter === 1)?.current).toMatchObject({ number: 6 });
    expect(area(status, 'CT').waiting).toBe(1);
  });
});
