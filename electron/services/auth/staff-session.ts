import { connectionOf, type CallContext } from '../../api/dispatcher';
import { KioskError } from '../../api/errors';
import type { StaffAccount, StaffRole } from './staff-accounts';

/**
 * Who is signed in, per connection: a clerk's sign-in authorises the page
 * (socket, Electron window) it was made on and nothing else, and ends with
 * that connection, its sign-out and its session end. Another tab or a
 * script on the same machine starts anonymous.
 */
export class StaffSession {
  readonly #byConnection = new Map<string, StaffAccount>();

  current(context: CallContext): StaffAccount | undefined {
    return this.#byConnection.get(connectionOf(context));
  }

  signIn(context: CallContext, account: StaffAccount): void {
    this.#byConnection.set(connectionOf(context), account);
  }

  signOut(context: CallContext): void {
    this.#byConnection.delete(connectionOf(context));
  }

  /** The connection closed (tab closed, window gone): its sign-in ends. */
  endConnection(connection: string): void {
    this.#byConnection.delete(connection);
  }

  /** Whether any connection has a staff member signed in. */
  anySignedIn(): boolean {
    return this.#byConnection.size > 0;
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
}
