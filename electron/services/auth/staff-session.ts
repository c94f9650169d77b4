import { connectionOf, type CallContext } from '../../api/dispatcher';
import { KioskError } from '../../api/errors';
import type { StaffAccount, StaffRole } from './staff-accounts';

export interface StaffSessionOptions {
  /** A sign-in with no call on its connection for this long has ended. */
  readonly idleMs?: number;
  readonly now?: () => number;
  /** A sign-in ended because its connection went idle (for the log). */
  readonly onIdle?: (account: StaffAccount) => void;
}

interface SignedIn {
  readonly account: StaffAccount;
  lastSeen: number;
}

/**
 * Who is signed in, per connection: a clerk's sign-in authorises the page
 * (socket, Electron window) it was made on and nothing else, and ends with
 * that connection, its sign-out, its session end and when it has been idle
 * too long. Another tab or a script on the same machine starts anonymous.
 * The page ends the session on idle by itself; the core's own idle limit is
 * there for a page that does not (frozen, or not our page), so every call
 * that asks who is signed in counts as activity.
 */
export class StaffSession {
  readonly #byConnection = new Map<string, SignedIn>();
  readonly #idleMs: number;
  readonly #now: () => number;
  readonly #onIdle: (account: StaffAccount) => void;

  constructor(options: StaffSessionOptions = {}) {
    this.#idleMs = options.idleMs ?? 15 * 60_000;
    this.#now = options.now ?? (() => performance.now());
    this.#onIdle = options.onIdle ?? (() => undefined);
  }

  current(context: CallContext): StaffAccount | undefined {
    const connection = connectionOf(context);
    const entry = this.#live(connection);
    if (entry) entry.lastSeen = this.#now();
    return entry?.account;
  }

  signIn(context: CallContext, account: StaffAccount): void {
    this.#byConnection.set(connectionOf(context), { account, lastSeen: this.#now() });
  }

  signOut(context: CallContext): void {
    this.#byConnection.delete(connectionOf(context));
  }

  /** The connection closed (tab closed, window gone): its sign-in ends. */
  endConnection(connection: string): void {
    this.#byConnection.delete(connection);
  }

  /** Whether any connection has a staff member signed in (and not idle). */
  anySignedIn(): boolean {
    for (const connection of [...this.#byConnection.keys()]) {
      if (this.#live(connection)) return true;
    }
    return false;
  }

  /** The account signed in on the caller's connection, holding one of `roles` when given. */
  require(context: CallContext, ...roles: StaffRole[]): StaffAccount {
    const account = this.current(context);
    if (!account) throw new KioskError('AUTH_REQUIRED', 'No staff member is signed in');
    if (roles.length > 0 && !roles.includes(account.role)) {
      throw new KioskError('AUTH_FORBIDDEN', `${account.role} may not do this`);
    }
    return account;
  }

  /** The sign-in of `connection` unless it has been idle too long; an idle one ends here. */
  #live(connection: string): SignedIn | undefined {
    const entry = this.#byConnection.get(connection);
    if (!entry) return undefined;
    if (this.#now() - entry.lastSeen < this.#idleMs) return entry;
    this.#byConnection.delete(connection);
    this.#onIdle(entry.account);
    return undefined;
  }
}
