import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import { KioskError } from '../../api/errors';
import type { Logger } from '../log/logger';
import type { Passkeys } from './passkeys';
import type { StaffAccount, StaffAccounts } from './staff-accounts';
import type { StaffSession } from './staff-session';

export interface AuthDeps {
  readonly accounts: StaffAccounts;
  readonly passkeys: Passkeys;
  readonly session: StaffSession;
  /** Staff sign-ins and key registrations are logged (staff, not citizen, data). */
  readonly log: Pick<Logger, 'info'>;
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
    passkeys: deps.passkeys.count(account.id),
  });
  const signedIn = (account: StaffAccount, how: string) => {
    deps.session.signIn(account);
    deps.log.info({ staff: account.username, how }, 'staff signed in');
    return info(account);
  };
  return {
    'auth.status': () => ({
      staff: deps.session.current ? info(deps.session.current) : null,
      accounts: deps.accounts.list().length,
    }),
    'auth.signIn': async ({ username, password }) =>
      signedIn(await deps.accounts.signIn(username, password), 'password'),
    'auth.passkeyOptions': async ({ username }, context) => ({
      options: { ...(await deps.passkeys.authenticationOptions(originOf(context), username)) },
    }),
    'auth.passkeySignIn': async ({ response }, context) =>
      signedIn(
        await deps.passkeys.authenticate(response as AuthenticationResponseJSON, originOf(context)),
        'passkey',
      ),
    'auth.registerOptions': async ({ username }, context) => {
      deps.session.require('admin');
      const account = deps.accounts.find(username);
      if (!account) throw new KioskError('AUTH_FAILED', `No staff account ${username}`);
      return {
        options: { ...(await deps.passkeys.registrationOptions(account, originOf(context))) },
      };
    },
    'auth.registerPasskey': async ({ response }, context) => {
      const admin = deps.session.require('admin');
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
    'auth.signOut': () => {
      deps.session.signOut();
      return {};
    },
  };
}
