import { useSignIn } from '@latch/react';
import { useStepAction } from '../../foundation';
import { partKit } from '../kit';
import { shownIdentifier, useSignInFlow } from './context';
import { StepCard } from './StepCard';
import { offersFirstFactor } from './steps';

/** What SignIn's on-demand parts (passkey button and offer, social and email-link steps) use of SignIn (see ../kit.ts). */
export const signInKit = /* @__PURE__ */ Object.assign({ StepCard, offersFirstFactor, shownIdentifier, useSignIn, useSignInFlow, useStepAction }, partKit);

export type SignInKit = typeof signInKit;
