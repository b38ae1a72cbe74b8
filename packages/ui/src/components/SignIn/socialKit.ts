import { useSignIn } from '@latch/react';
import { socialKit } from '../../social/kit';
import { useSignInFlow } from './context';
import { StepCard } from './StepCard';

/** What SignIn's sso-callback step, loaded on demand, uses of SignIn (see social/kit.ts). */
export const signInSocialKit = /* @__PURE__ */ Object.assign({ StepCard, useSignIn, useSignInFlow }, socialKit);

export type SignInSocialKit = typeof signInSocialKit;
