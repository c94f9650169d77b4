import type { ServerResponse } from 'node:http';

/**
 * The HTTP requests the shell is still answering. While the core composes,
 * each library it loads holds the event loop, and a static file takes several
 * turns of the loop to read and send; composing waits for `idle()` before
 * each library so a page requested meanwhile is answered first.
 */
export class RequestsInFlight {
  #count = 0;
  #waiters: (() => void)[] = [];

  /** Counts `response` until it has finished or its connection closed. */
  track(response: ServerResponse): void {
    this.#count++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.#count--;
      if (this.#count === 0) {
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const wake of waiters) wake();
      }
    };
    response.once('finish', finish);
    response.once('close', finish);
  }

  /**
   * Resolves on a later turn of the loop at which no request is being
   * answered (one that arrived during that turn's I/O is waited for too).
   */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        setImmediate(() => {
          if (this.#count === 0) resolve();
          else this.#waiters.push(check);
        });
      };
      check();
    });
  }
}
