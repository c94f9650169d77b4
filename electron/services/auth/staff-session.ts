import { KioskError } from '../../api/errors';
import type { StaffAccount, StaffRole } from './staff-accounts';

/** Who is signed in at this kiosk (one window, one clerk at a time). */
export class StaffSession {
  #current: StaffAccount | undefined;

  get current(): StaffAccount | undefined {
    return this.#current;
  }

  signIn(account: StaffAccount): void {
    this.#current = account;
  }

  signOut(): void {
    this.#current = undefined;
  }

  /** The signed-in account, which must hold one of `roles` when given. */
  require(...roles: StaffRole[]): StaffAccount {
    const account = this.#current;
    if (!account) throw new KioskError('AUTH_REQUIRED', 'No staff member is signed in');
    if (roles.length > 0 && !roles.includes(account.role)) {
      throw new KioskError('AUTH_FORBIDDEN', `${account.role} may not do this`);
    }
    return account;
  }
}
