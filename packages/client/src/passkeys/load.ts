import type { ClientContext } from '../context';
import { LatchAPIError } from '../errors';
import type { Host } from './ceremonies';

type PasskeyCode = typeof import('./ceremonies');

/**
 * The passkey code, with @simplewebauthn/browser, is a chunk of its own:
 * an app loads it when someone uses a passkey, not with its first bundle.
 */
export const passkeyCode = (): Promise<PasskeyCode> => import('./ceremonies');

/** Loads the passkey code and runs `use` with it and what it needs of the client. */
export async function withPasskeys<T>(ctx: ClientContext, use: (code: PasskeyCode, host: Host) => Promise<T>): Promise<T> {
  return use(await passkeyCode(), { call: ctx.call, refusal: (code, message) => new LatchAPIError(0, [{ code, message }]) });
}
