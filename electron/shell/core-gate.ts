import type { Dispatch } from '../api/dispatcher';
import type { ApiResult } from '../api/errors';
import type { Core } from './composition-root';

/**
 * The core as the browser shell's transports see it while it is still being
 * composed: the shell listens and serves the renderer first, so a page can
 * connect and call before the core exists. Such a call waits for the core;
 * if composing failed, it is answered NOT_AVAILABLE and reaches no handler.
 */
export class CoreGate {
  /** The core, or undefined once composing has failed (the shell then stops). */
  readonly settled: Promise<Core | undefined>;

  constructor(core: Promise<Core>) {
    this.settled = core.then(
      (ready) => ready,
      () => undefined,
    );
  }

  readonly dispatch: Dispatch = async (method, params, context) => {
    const core = await this.settled;
    if (core === undefined) return notAvailable;
    return core.dispatch(method, params, context);
  };

  /** A socket closed: its staff sign-in ends once the core can say so. */
  endConnection(connection: string): void {
    void this.settled.then((core) => {
      core?.endConnection(connection);
    });
  }
}

const notAvailable: ApiResult<never> = {
  ok: false,
  error: { code: 'NOT_AVAILABLE', message: 'The kiosk core did not start; see the log' },
};
