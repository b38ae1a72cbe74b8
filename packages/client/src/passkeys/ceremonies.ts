/**
 * The browser side of passkeys: @simplewebauthn/browser runs the WebAuthn
 * ceremonies, the API verifies them. Loaded on demand (see `load.ts`).
 */
import {
  PasskeyRoutes,
  type DeletedJSON,
  type ErrorCode,
  type PasskeyCreationOptionsJSON,
  type PasskeyJSON,
  type PasskeyRequestOptionsJSON,
  type SignInJSON,
} from '@latch/protocol';
import { startAuthentication, startRegistration, WebAuthnAbortService } from '@simplewebauthn/browser';
import { userOf, type ClientContext } from '../context';
import { LatchAPIError } from '../errors';
import { toPasskey, type Passkey } from '../resources/passkey';

export { browserSupportsWebAuthnAutofill } from '@simplewebauthn/browser';

export interface AuthenticateWithPasskeyParams {
  /**
   * - `'discoverable'`: the browser lists this site's passkeys (usernameless).
   * - `'autofill'`: the same, offered in the autofill of the field with
   *   `autocomplete="username webauthn"`; pending until the user picks one.
   *   Cancel it with `signal` when the user signs in another way.
   * - absent: with a sign-in in progress (after an identifier), a passkey of
   *   that account; else `'discoverable'`.
   */
  flow?: 'discoverable' | 'autofill';
  /** Aborting it cancels the browser's prompt; the promise then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * A challenge lives 5 minutes on the server; an autofill prompt can wait far
 * longer for the user, so it is started again with a fresh challenge before
 * the old one runs out.
 */
const autofillRefreshMs = 270_000;

export async function authenticateWithPasskey(ctx: ClientContext, signInId: string | null, params: AuthenticateWithPasskeyParams): Promise<SignInJSON> {
  const { flow, signal } = params;
  const allowListFor = flow ? undefined : (signInId ?? undefined);
  for (;;) {
    signal?.throwIfAborted();
    const optionsJSON = await ctx.call<PasskeyRequestOptionsJSON>(PasskeyRoutes.signInPasskeyOptions, { body: { signInId: allowListFor } });
    let expired = false;
    const refresh = flow === 'autofill' ? setTimeout(() => ((expired = true), WebAuthnAbortService.cancelCeremony()), autofillRefreshMs) : undefined;
    try {
      const credential = await ceremony(signal, () => startAuthentication({ optionsJSON, useBrowserAutofill: flow === 'autofill' }));
      const body = { strategy: 'passkey', credential };
      return allowListFor
        ? await ctx.call<SignInJSON>('signInAttemptFirstFactor', { id: allowListFor, body })
        : await ctx.call<SignInJSON>('signInCreate', { body });
    } catch (error) {
      if (!expired) throw error;
    } finally {
      clearTimeout(refresh);
    }
  }
}

export async function createPasskey(ctx: ClientContext, sessionId: string, params: { name?: string }): Promise<Passkey> {
  const optionsJSON = await ctx.call<PasskeyCreationOptionsJSON>(PasskeyRoutes.mePasskeyOptions, { sessionId });
  const credential = await ceremony(undefined, () => startRegistration({ optionsJSON }));
  const json = await ctx.call<PasskeyJSON>(PasskeyRoutes.mePasskeyCreate, { sessionId, body: { credential, name: params.name } });
  return latest(ctx, sessionId, json);
}

export async function updatePasskey(ctx: ClientContext, sessionId: string, id: string, params: { name: string }): Promise<Passkey> {
  const json = await ctx.call<PasskeyJSON>(PasskeyRoutes.mePasskeyUpdate, { id, sessionId, body: { name: params.name } });
  return latest(ctx, sessionId, json);
}

export function deletePasskey(ctx: ClientContext, sessionId: string, id: string): Promise<DeletedJSON> {
  return ctx.call<DeletedJSON>(PasskeyRoutes.mePasskeyDelete, { id, sessionId });
}

/** The passkey as the refreshed state holds it (the same object a `useUser()` render sees). */
function latest(ctx: ClientContext, sessionId: string, json: PasskeyJSON): Passkey {
  return userOf(ctx, sessionId)?.passkeys.find((p) => p.id === json.id) ?? toPasskey(ctx, json, sessionId);
}

/**
 * Runs one browser ceremony, cancelled when `signal` aborts, and turns the
 * browser's refusals into `LatchAPIError`s (status 0) with a `passkey_*`
 * code, so a UI localizes them like API errors.
 */
async function ceremony<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  signal?.throwIfAborted();
  const cancel = () => WebAuthnAbortService.cancelCeremony();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await run();
  } catch (error) {
    signal?.throwIfAborted();
    throw browserError(error);
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** DOMException names (and @simplewebauthn's own checks) → the protocol's codes; anything else as it came. */
function browserError(error: unknown): unknown {
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: string };
  // Another ceremony took over (the button while autofill waited): not a failure to show.
  if (name === 'AbortError') return error;
  let latchCode: ErrorCode | null = null;
  if (name === 'NotAllowedError') latchCode = 'passkey_not_allowed';
  else if (name === 'InvalidStateError') latchCode = 'passkey_already_registered';
  else if (name === 'SecurityError' || code === 'ERROR_INVALID_RP_ID') latchCode = 'passkey_rp_id_invalid';
  else if (name === 'NotSupportedError' || name === 'ConstraintError' || /not supported|does not support/i.test(message ?? '')) latchCode = 'passkey_not_supported';
  return latchCode ? new LatchAPIError(0, [{ code: latchCode, message: message || latchCode }]) : error;
}
