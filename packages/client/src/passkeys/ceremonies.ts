/**
 * The browser side of passkeys: @simplewebauthn/browser runs the WebAuthn
 * ceremonies, the API verifies them. Loaded on demand (see `on-demand.ts`).
 *
 * It imports no module of this package nor @latch/protocol's main entry, only
 * types: a bundler splits by file, and a file both this chunk and the app's
 * first one import would become a third, shared chunk that loads up front.
 * What it needs from the client comes in as `Host`.
 */
import type { ErrorCode, PasskeyCreationOptionsJSON, PasskeyJSON, PasskeyRequestOptionsJSON, SignInJSON } from '@latch/protocol';
import { PasskeyRoutes } from '@latch/protocol/passkey-routes';
import { startAuthentication, startRegistration, WebAuthnAbortService } from '@simplewebauthn/browser';
import type { ClientContext } from '../context';

/** The client's side: its requests, and its error class for a browser refusal. */
export type Host = Pick<ClientContext, 'call' | 'LatchAPIError'>;

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

export async function authenticateWithPasskey(host: Host, signInId: string | null, params: AuthenticateWithPasskeyParams): Promise<SignInJSON> {
  const { flow, signal } = params;
  const allowListFor = flow ? undefined : (signInId ?? undefined);
  for (;;) {
    signal?.throwIfAborted();
    const optionsJSON = await host.call<PasskeyRequestOptionsJSON>(PasskeyRoutes.signInPasskeyOptions, { body: { signInId: allowListFor } });
    let expired = false;
    const refresh = flow === 'autofill' ? setTimeout(() => ((expired = true), WebAuthnAbortService.cancelCeremony()), autofillRefreshMs) : undefined;
    try {
      const credential = await ceremony(host, signal, () => startAuthentication({ optionsJSON, useBrowserAutofill: flow === 'autofill' }));
      const body = { strategy: 'passkey', credential };
      return allowListFor
        ? await host.call<SignInJSON>('POST /v1/client/sign_ins/:id/attempt_first_factor', { id: allowListFor, body })
        : await host.call<SignInJSON>('POST /v1/client/sign_ins', { body });
    } catch (error) {
      if (!expired) throw error;
    } finally {
      clearTimeout(refresh);
    }
  }
}

export async function createPasskey(host: Host, sessionId: string, params: { name?: string }): Promise<PasskeyJSON> {
  const optionsJSON = await host.call<PasskeyCreationOptionsJSON>(PasskeyRoutes.mePasskeyOptions, { sessionId });
  const credential = await ceremony(host, undefined, () => startRegistration({ optionsJSON }));
  return host.call<PasskeyJSON>(PasskeyRoutes.mePasskeyCreate, { sessionId, body: { credential, name: params.name } });
}

/**
 * Runs one browser ceremony, cancelled when `signal` aborts, and turns the
 * browser's refusals into `LatchAPIError`s (status 0) with a `passkey_*`
 * code, so a UI localizes them like API errors.
 */
async function ceremony<T>(host: Host, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  signal?.throwIfAborted();
  const cancel = () => WebAuthnAbortService.cancelCeremony();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await run();
  } catch (error) {
    signal?.throwIfAborted();
    throw browserError(host, error);
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** DOMException names (and @simplewebauthn's own checks) → the protocol's codes; anything else as it came. */
function browserError(host: Host, error: unknown): unknown {
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: string };
  // Another ceremony took over (the button while autofill waited): not a failure to show.
  if (name === 'AbortError') return error;
  let latchCode: ErrorCode | null = null;
  if (name === 'NotAllowedError') latchCode = 'passkey_not_allowed';
  else if (name === 'InvalidStateError') latchCode = 'passkey_already_registered';
  else if (name === 'SecurityError' || code === 'ERROR_INVALID_RP_ID') latchCode = 'passkey_rp_id_invalid';
  else if (name === 'NotSupportedError' || name === 'ConstraintError' || /not supported|does not support/i.test(message ?? '')) latchCode = 'passkey_not_supported';
  return latchCode ? new host.LatchAPIError(0, [{ code: latchCode, message: message || latchCode }]) : error;
}
