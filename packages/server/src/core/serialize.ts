/** Stored records → the protocol's JSON resources. Nothing secret leaves through here. */
import type {
  ActiveSessionJSON,
  AdminSessionJSON,
  ClientJSON,
  EmailAddressJSON,
  SessionJSON,
  SignInJSON,
  SignUpJSON,
  UserJSON,
  VerificationJSON,
} from '@latch/protocol';
import type { ServerContext } from './flows/context';
import { backupCodeCount, firstFactorsFor, secondFactorsFor } from './flows/factors';
import { activeSessionsOfClient, sessionExpireAt, sessionStatus } from './flows/sessions';
import { parseDevice } from './flows/device';
import { firstFactorsBeforeProof, maskEmailAddress } from './flows/enumeration';
import { missingFields, requiredFields, optionalFields, unverifiedFields } from './flows/sign-up-fields';
import { withSnapshot } from './store/snapshot';
import { serializePasskey } from './flows/passkeys/passkeys';
import { serializeExternalAccount } from './oauth/serialize';
import type { ClientRecord, EmailAddressRecord, SessionRecord, SignInRecord, SignUpRecord, UserRecord, VerificationState } from './store/records';

export function serializeVerification(state: VerificationState | null, now: number): VerificationJSON | null {
  if (!state) return null;
  const expired = state.status === 'unverified' && state.expireAt !== null && state.expireAt <= now;
  const json: VerificationJSON = { status: expired ? 'expired' : state.status, strategy: state.strategy, attempts: state.attempts, expireAt: state.expireAt };
  if (state.verifiedFromTheSameClient !== undefined) json.verifiedFromTheSameClient = state.verifiedFromTheSameClient;
  return json;
}

export function serializeEmailAddress(email: EmailAddressRecord, now: number): EmailAddressJSON {
  const verification = email.verifiedEmail
    ? { ...serializeVerification(email.verification, now), status: 'verified' as const, strategy: email.verification?.strategy ?? 'email_code', attempts: email.verification?.attempts ?? 0, expireAt: null }
    : (serializeVerification(email.verification, now) ?? { status: 'unverified' as const, strategy: null, attempts: 0, expireAt: null });
  return { id: email.id, emailAddress: email.emailAddress, verification };
}

export async function serializeUser(ctx: ServerContext, user: UserRecord): Promise<UserJSON> {
  const emails = await ctx.store.listBy('emailAddresses', 'userId', user.id);
  const passkeys = await ctx.store.listBy('passkeys', 'userId', user.id);
  const totpEnabled = user.totpSecret !== null;
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    username: user.username,
    primaryEmailAddressId: user.primaryEmailAddressId,
    emailAddresses: emails.map((email) => serializeEmailAddress(email, ctx.now())),
    imageUrl: user.imageUrl,
    passwordEnabled: user.passwordHash !== null,
    totpEnabled,
    backupCodeEnabled: (await backupCodeCount(ctx, user.id)) > 0,
    twoFactorEnabled: totpEnabled,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    lastSignInAt: user.lastSignInAt,
    // privateMetadata never leaves through here: it is the backend's alone (admin-api/users.ts adds it).
    publicMetadata: user.publicMetadata ?? {},
    unsafeMetadata: user.unsafeMetadata ?? {},
    passkeys: passkeys.map(serializePasskey),
    externalAccounts: (await ctx.store.listBy('externalAccounts', 'userId', user.id)).map(serializeExternalAccount),
  };
}

export function serializeSession(ctx: ServerContext, session: SessionRecord, user: UserJSON): SessionJSON {
  return {
    id: session.id,
    status: sessionStatus(ctx, session),
    user,
    createdAt: session.createdAt,
    lastActiveAt: session.lastActiveAt,
    expireAt: sessionExpireAt(ctx, session),
    abandonAt: session.abandonAt,
  };
}

/** A session as the app's backend sees it (admin API): whose, on which client, and its times. */
export function serializeAdminSession(ctx: ServerContext, session: SessionRecord): AdminSessionJSON {
  return {
    id: session.id,
    userId: session.userId,
    clientId: session.clientId,
    status: sessionStatus(ctx, session),
    createdAt: session.createdAt,
    lastActiveAt: session.lastActiveAt,
    expireAt: sessionExpireAt(ctx, session),
    abandonAt: session.abandonAt,
  };
}

/** A session as webhooks report it: the admin API's view and the browser, without the user (`user.*` events carry that). */
export function serializeSessionEvent(ctx: ServerContext, session: SessionRecord) {
  return { ...serializeAdminSession(ctx, session), object: 'session' as const, device: parseDevice(session.userAgent) };
}

export function serializeActiveSession(ctx: ServerContext, session: SessionRecord, currentSessionId: string): ActiveSessionJSON {
  return {
    id: session.id,
    status: sessionStatus(ctx, session),
    createdAt: session.createdAt,
    lastActiveAt: session.lastActiveAt,
    isCurrent: session.id === currentSessionId,
    device: parseDevice(session.userAgent),
  };
}

export async function serializeSignIn(ctx: ServerContext, signIn: SignInRecord): Promise<SignInJSON> {
  if (signIn.oauthProvider && signIn.userId === null) return serializeOAuthSignIn(ctx, signIn);
  const user = signIn.userId === null ? null : await ctx.store.get('users', signIn.userId);
  if (ctx.settings.enumerationProtection && signIn.status === 'needs_first_factor') return serializeSignInBeforeProof(ctx, signIn, user);
  return {
    id: signIn.id,
    status: signIn.status,
    identifier: signIn.identifier,
    supportedFirstFactors: user ? await firstFactorsFor(ctx, user) : [],
    supportedSecondFactors: user ? await secondFactorsFor(ctx, user) : [],
    firstFactorVerification: serializeVerification(signIn.firstFactorVerification, ctx.now()),
    secondFactorVerification: serializeVerification(signIn.secondFactorVerification, ctx.now()),
    userData: user ? { firstName: user.firstName, lastName: user.lastName, imageUrl: user.imageUrl } : null,
    createdSessionId: signIn.createdSessionId,
    externalAccountToLink: externalAccountToLink(signIn),
  };
}

/** A social sign-in while the browser is at the provider: no account yet, only its verification. */
function serializeOAuthSignIn(ctx: ServerContext, signIn: SignInRecord): SignInJSON {
  return {
    id: signIn.id,
    status: signIn.status,
    identifier: null,
    supportedFirstFactors: [],
    supportedSecondFactors: [],
    firstFactorVerification: serializeVerification(signIn.firstFactorVerification, ctx.now()),
    secondFactorVerification: null,
    userData: null,
    createdSessionId: null,
    externalAccountToLink: null,
  };
}

function externalAccountToLink(signIn: SignInRecord): SignInJSON['externalAccountToLink'] {
  const pending = signIn.externalAccountToLink;
  return pending ? { provider: pending.provider, emailAddress: pending.emailAddress } : null;
}

/** With enumeration protection, before any factor passes: the masked identifier and the instance's factors, nothing about the account. */
async function serializeSignInBeforeProof(ctx: ServerContext, signIn: SignInRecord, user: UserRecord | null): Promise<SignInJSON> {
  return {
    id: signIn.id,
    status: signIn.status,
    identifier: signIn.identifier.includes('@') ? maskEmailAddress(signIn.identifier.toLowerCase()) : signIn.identifier,
    supportedFirstFactors: await firstFactorsBeforeProof(ctx, signIn, user),
    supportedSecondFactors: [],
    firstFactorVerification: serializeVerification(signIn.firstFactorVerification, ctx.now()),
    secondFactorVerification: null,
    userData: null,
    createdSessionId: null,
    externalAccountToLink: externalAccountToLink(signIn),
  };
}

export function serializeSignUp(ctx: ServerContext, signUp: SignUpRecord): SignUpJSON {
  return {
    id: signUp.id,
    status: signUp.status,
    emailAddress: signUp.emailAddress,
    firstName: signUp.firstName,
    lastName: signUp.lastName,
    username: signUp.username,
    passwordEnabled: signUp.passwordHash !== null,
    requiredFields: requiredFields(ctx.settings),
    optionalFields: optionalFields(ctx.settings),
    missingFields: missingFields(ctx.settings, signUp),
    unverifiedFields: unverifiedFields(signUp),
    verifications: {
      emailAddress: serializeVerification(signUp.emailVerification, ctx.now()),
      externalAccount: signUp.oauthProvider ? externalVerification(signUp) : null,
    },
    createdSessionId: signUp.createdSessionId,
    createdUserId: signUp.createdUserId,
  };
}

function externalVerification(signUp: SignUpRecord): NonNullable<SignUpJSON['verifications']['externalAccount']> {
  const verified = Boolean(signUp.externalAccount);
  return {
    status: verified ? 'verified' : 'unverified',
    strategy: `oauth_${signUp.oauthProvider}`,
    attempts: 0,
    expireAt: null,
    externalVerificationRedirectURL: null,
    error: null,
  };
}

/**
 * The client as stored now, serialized: from one snapshot when the store can
 * read one (one round trip on PostgreSQL), else record by record.
 */
export async function readAndSerializeClient(ctx: ServerContext, clientId: string): Promise<ClientJSON | null> {
  const view = withSnapshot(ctx, await ctx.store.readClientSnapshot?.(clientId));
  const record = await view.store.get('clients', clientId);
  return record ? serializeClient(view, record) : null;
}

/** The whole client: active sessions (oldest first) with their users, and the flows in progress. */
export async function serializeClient(ctx: ServerContext, client: ClientRecord): Promise<ClientJSON> {
  const sessions: SessionJSON[] = [];
  for (const session of await activeSessionsOfClient(ctx, client.id)) {
    const user = await ctx.store.get('users', session.userId);
    if (user) sessions.push(serializeSession(ctx, session, await serializeUser(ctx, user)));
  }
  const signIn = client.signInId ? await ctx.store.get('signIns', client.signInId) : null;
  const signUp = client.signUpId ? await ctx.store.get('signUps', client.signUpId) : null;
  const isActive = sessions.some((session) => session.id === client.lastActiveSessionId);
  return {
    id: client.id,
    sessions,
    signIn: signIn && signIn.expireAt > ctx.now() ? await serializeSignIn(ctx, signIn) : null,
    signUp: signUp && signUp.expireAt > ctx.now() ? serializeSignUp(ctx, signUp) : null,
    lastActiveSessionId: isActive ? client.lastActiveSessionId : null,
  };
}
