import { Divider } from '../../foundation';
import { passkeyKit } from '../passkeys/kit';
import type { SignInKit } from '../passkeys/PasskeySignIn';
import { useSignInFlow } from './context';

/** What the passkey button, loaded on demand, uses of SignIn (see passkeys/kit.ts). */
export const signInKit: SignInKit = /* @__PURE__ */ Object.assign({ Divider, useSignInFlow }, passkeyKit);
