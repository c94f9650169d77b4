import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import { KioskError } from '../../api/errors';
import type { Logger } from '../log/logger';
import type { Passkeys } from './passkeys';
import type { StaffAccount, StaffAccounts } from './staff-accounts';
import type { StaffSession } from './staff-session';
import type { SignInAudit } from './sign-in-audit';

export interface AuthDeps {
  readonly accounts: StaffAccounts;
  readonly passkeys: Passkeys;
  readonly session: StaffSession;
  /** The account's display name, kept sealed by the store. */
  readonly displayName: (staffId: string) => string | null;
  /** Sign-ins, failed or not, in the audit trail. */
  readonly audit: SignInAudit;
  /** Staff sign-ins and key registrations are logged (staff, not citizen, data). */
  readonly log: Pick<Logger, 'info' | 'warn'>;
}

type AuthMethod =
  | 'auth.status'
  | 'auth.signIn'
  | 'auth.passkeyOptions'
  | 'auth.passkeySignIn'
  | 'auth.registerOptions'
  | 'auth.registerPasskey'
  | 'auth.signOut';

function originOf(context: CallContext): string {
  if (context.origin === undefined)
    throw new KioskError('AUTH_FORBIDDEN', 'Security keys need a page origin');
  return context.origin;
}

export function createAuthHandlers(deps: AuthDeps): HandlerGroup<AuthMethod> {
  const info = (account: StaffAccount) => ({
    username: account.username,
    role: account.role,
    displayName: deps.displayName(account.id),
    passkeys: deps.passkeys.count(account.id),
  });
  const signedIn = (account: StaffAccount, how: 'password' | 'passkey', context: CallContext) => {
    deps.session.signIn(context, account);
    deps.audit.record(account.username, 'signed-in', how);
    deps.log.info({ staff: account.username, how }, 'staff signed in');
    return info(account);
  };
  /** A refused sign-in is audited and logged, then answered as thrown. */
  const refused = (username: string, how: 'password' | 'passkey', error: unknown): never => {
    const outcome =
      error instanceof KioskError && error.code === 'AUTH_LOCKED' ? 'locked' : 'failed';
    deps.audit.record(username, outcome, how);
    deps.log.warn({ how, outcome }, 'staff sign-in refused');
    throw error;
  };
  return {
    'auth.status': (_params, context) => {
      const current = deps.session.current(context);
      return { staff: current ? info(current) : null, accounts: deps.accounts.list().length };
    },
    'auth.signIn': async ({ username, password }, context) => {
      const account = await deps.accounts
        .signIn(username, password)
        .catch((error: unknown) => refused(username, 'password', error));
      return signedIn(account, 'password', context);
    },
    'auth.passkeyOptions': async ({ username }, context) => ({
      options: { ...(await deps.passkeys.authenticationOptions(originOf(context), username)) },
    }),
    'auth.passkeySignIn': async ({ response }, context) => {
      const account = await deps.passkeys
        .authenticate(response as AuthenticationResponseJSON, originOf(context))
        .catch((error: unknown) => refused('(khoá bảo mật)', 'passkey', error));
      return signedIn(account, 'passkey', context);
    },
    'auth.registerOptions': async ({ username }, context) => {
      deps.session.require(context, 'admin');
      const account = deps.accounts.find(username);
      if (!account) throw new KioskError('AUTH_FAILED', `No staff account ${username}`);
      return {
        options: { ...(await deps.passkeys.registrationOptions(account, originOf(context))) },
      };
    },
    'auth.registerPasskey': async ({ response }, context) => {
      const admin = deps.session.require(context, 'admin');
      const result = await deps.passkeys.register(
        response as RegistrationResponseJSON,
        originOf(context),
      );
      deps.log.info(
        { admin: admin.username, credentialId: result.credentialId },
        'security key registered',
      );
      return result;
    },
    'auth.signOut': (_params, context) => {
      deps.session.signOut(context);
      return {};
    },
  };
}
