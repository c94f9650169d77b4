import type { ApiSocket } from './api-socket';

/**
 * `(jobId, pages)` resolves once that many pages of the job are recognised
 * (`component.ocr` events on the socket). Events can come before the job's
 * id is known, and a job's `pagesTotal` grows while a feeder runs, so the
 * count wanted is given.
 */
export function ocrWatcher(socket: ApiSocket): (jobId: string, pages: number) => Promise<void> {
  const done = new Map<string, number>();
  const waiting = new Map<string, { pages: number; resolve: () => void }>();
  socket.ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      name?: string;
      payload?: { jobId: string; pagesDone: number };
    };
    const p = message.payload;
    if (message.type !== 'event' || message.name !== 'component.ocr' || !p) return;
    done.set(p.jobId, Math.max(done.get(p.jobId) ?? 0, p.pagesDone));
    const wait = waiting.get(p.jobId);
    if (wait && p.pagesDone >= wait.pages) wait.resolve();
  });
  return (jobId, pages) =>
    (done.get(jobId) ?? 0) >= pages
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiting.set(jobId, { pages, resolve }));
}
