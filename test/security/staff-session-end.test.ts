/**
 * Issue 11 item 3: a clerk's sign-in ends when its page goes idle and when
 * its tab (socket) closes, against a real browser shell process: after
 * either, the same token on the same or a new connection gets no staff API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellProcess, type ShellProcess } from '../e2e/support/shell-process';
import { addStaff, CLERK } from '../e2e/support/staff';
import { openApiSocket } from '../support/api-socket';

/** The shortest the config allows, so the test waits seconds, not minutes. */
const IDLE_SECONDS = 5;

let shell: ShellProcess;

beforeAll(async () => {
  shell = await startShellProcess(
    { mode: 'staff', staffIdleTimeoutSeconds: IDLE_SECONDS },
    {},
    (dataDir) => {
      addStaff(dataDir, CLERK);
    },
  );
});
afterAll(async () => {
  await shell.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a staff session ends on idle and on tab close', () => {
  it('calls keep a clerk signed in; after the idle timeout with no call, the same connection gets AUTH_REQUIRED', async () => {
    const clerk = await openApiSocket(shell.url);
    expect((await clerk.call('auth.signIn', CLERK)).ok).toBe(true);
    // Activity: a call every 2 s for longer than the idle limit keeps the sign-in.
    for (let elapsed = 0; elapsed < (IDLE_SECONDS + 2) * 1000; elapsed += 2000) {
      await pause(2000);
      expect((await clerk.call('dossier.list')).ok).toBe(true);
    }
    await pause((IDLE_SECONDS + 1) * 1000);
    expect((await clerk.call('dossier.list')).error?.code).toBe('AUTH_REQUIRED');
    expect(await clerk.call('auth.status')).toMatchObject({ ok: true, value: { staff: null } });
    await clerk.close();
    expect(shell.child.exitCode).toBeNull();
  }, 60_000);

  it('after the tab closes, a new connection with the same token is not signed in', async () => {
    const clerk = await openApiSocket(shell.url);
    expect((await clerk.call('auth.signIn', CLERK)).ok).toBe(true);
    expect((await clerk.call('dossier.list')).ok).toBe(true);
    await clerk.close();
    const again = await openApiSocket(shell.url);
    expect((await again.call('dossier.list')).error?.code).toBe('AUTH_REQUIRED');
    expect(await again.call('auth.status')).toMatchObject({ ok: true, value: { staff: null } });
    await again.close();
    expect(shell.child.exitCode).toBeNull();
  });

  it('a socket cut off without a close frame (tab killed) ends the sign-in too', async () => {
    const clerk = await openApiSocket(shell.url);
    expect((await clerk.call('auth.signIn', CLERK)).ok).toBe(true);
    clerk.ws.terminate();
    await clerk.closed;
    const again = await openApiSocket(shell.url);
    // The server sees the TCP close a moment later; bounded wait.
    let code: string | undefined;
    for (let i = 0; i < 50 && code !== 'AUTH_REQUIRED'; i++) {
      code = (await again.call('dossier.list')).error?.code;
      if (code !== 'AUTH_REQUIRED') await pause(100);
    }
    expect(code).toBe('AUTH_REQUIRED');
    await again.close();
  });
});
