/**
 * Issue 11 item 7: the status-lookup limit holds across reconnects and
 * bounds staff too, against a real browser shell process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorText } from '../../electron/api/error-messages';
import { DEFAULT_LOOKUP_LIMITS } from '../../electron/services/lookup/lookup-throttle';
import { startShellProcess, type ShellProcess } from '../e2e/support/shell-process';
import { addStaff, CLERK } from '../e2e/support/staff';
import { openApiSocket, type CallAnswer } from '../support/api-socket';

let shell: ShellProcess;

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff' }, {}, (dataDir) => {
    addStaff(dataDir, CLERK);
  });
});
afterAll(async () => {
  await shell.stop();
});

const CODE = '000.00.00.H00-261206-0001';

/** Lookups answered (found or not found) and refused for the rate, over `answers`. */
function tally(answers: readonly CallAnswer[]) {
  const refused = answers.filter((a) => a.error?.code === 'LOOKUP_RATE_LIMITED');
  return { answered: answers.length - refused.length, refused };
}

async function stillUp(): Promise<void> {
  expect(shell.child.exitCode).toBeNull();
  const client = await openApiSocket(shell.url);
  expect((await client.call('system.info')).ok).toBe(true);
  await client.close();
}

describe('status lookups are limited per client, across reconnects', () => {
  it('reconnecting 12 times gives an anonymous script no more lookups than the limit, each refusal typed with a Vietnamese message', async () => {
    const answers: CallAnswer[] = [];
    for (let socket = 0; socket < 12; socket += 1) {
      const client = await openApiSocket(shell.url);
      for (let i = 0; i < 5; i += 1)
        answers.push(await client.call('status.lookup', { query: CODE }));
      await client.close();
    }
    const { answered, refused } = tally(answers);
    expect(answered).toBe(DEFAULT_LOOKUP_LIMITS.anonymousLimit);
    expect(refused).toHaveLength(60 - DEFAULT_LOOKUP_LIMITS.anonymousLimit);
    // What the page shows for the refusal: Vietnamese, with its diacritics.
    expect(apiErrorText({ code: 'LOOKUP_RATE_LIMITED' }).vi).toBe(
      'Kiosk đã nhận quá nhiều lượt tra cứu trong một phút. Xin chờ một phút rồi tra cứu lại, hoặc hỏi cán bộ tại quầy.',
    );
    await stillUp();
  });

  it('a clerk is limited too, at the higher staff limit, however often the clerk reconnects and signs in again', async () => {
    const answers: CallAnswer[] = [];
    const perSocket = Math.ceil((DEFAULT_LOOKUP_LIMITS.staffLimit + 10) / 3);
    for (let socket = 0; socket < 3; socket += 1) {
      const client = await openApiSocket(shell.url);
      expect((await client.call('auth.signIn', CLERK)).ok).toBe(true);
      for (let i = 0; i < perSocket; i += 1) {
        answers.push(await client.call('status.lookup', { query: CODE }));
      }
      await client.close();
    }
    const { answered, refused } = tally(answers);
    expect(answered).toBe(DEFAULT_LOOKUP_LIMITS.staffLimit);
    expect(refused).toHaveLength(3 * perSocket - DEFAULT_LOOKUP_LIMITS.staffLimit);
    await stillUp();
  });
});
