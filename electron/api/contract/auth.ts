import { z } from 'zod';
import { method } from './method';

export const StaffInfoSchema = z.object({
  username: z.string(),
  role: z.enum(['clerk', 'admin', 'it']),
  /** The name the account prints and shows as ("Nguyễn Văn An"); null until IT sets one. */
  displayName: z.string().nullable(),
  /** Security keys registered to this account. */
  passkeys: z.number().int().nonnegative(),
});

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/)
  .max(16_384);

/** Extension outputs the kiosk reads; others are dropped. */
const ExtensionResultsSchema = z.object({
  credProps: z.object({ rk: z.boolean().optional() }).optional(),
});

/** WebAuthn's JSON answers (as @simplewebauthn/browser produces them); the server verifies the contents. */
const RegistrationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    publicKey: base64url.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    transports: z.array(z.string().max(20)).max(10).optional(),
  }),
  authenticatorAttachment: z.string().optional(),
  clientExtensionResults: ExtensionResultsSchema,
});
const AuthenticationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  authenticatorAttachment: z.string().optional(),
  clientExtensionResults: ExtensionResultsSchema,
});

/** Options JSON for navigator.credentials, passed through to @simplewebauthn/browser. */
const OptionsSchema = z.object({ options: z.record(z.string(), z.unknown()) });
const username = z.string().min(3).max(40);

export const authMethods = {
  'auth.status': method(
    z.object({}).strict(),
    /** `accounts`: how many staff accounts exist (0 on a fresh install: IT must create one). */
    z.object({ staff: StaffInfoSchema.nullable(), accounts: z.number().int().nonnegative() }),
  ),
  'auth.signIn': method(
    z.object({ username, password: z.string().min(1).max(200) }).strict(),
    StaffInfoSchema,
  ),
  'auth.passkeyOptions': method(
    z.object({ username: username.optional() }).strict(),
    OptionsSchema,
  ),
  'auth.passkeySignIn': method(
    z.object({ response: AuthenticationResponseSchema }).strict(),
    StaffInfoSchema,
  ),
  /** Admin only: start registering a security key to a staff account. */
  'auth.registerOptions': method(z.object({ username }).strict(), OptionsSchema),
  'auth.registerPasskey': method(
    z.object({ response: RegistrationResponseSchema }).strict(),
    z.object({ credentialId: z.string() }),
  ),
  'auth.signOut': method(z.object({}).strict(), z.object({})),
} as const;
