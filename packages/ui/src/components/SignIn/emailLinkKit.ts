import { useStepAction } from '../../foundation';
import { emailLinkKit } from '../EmailLink/kit';
import { shownIdentifier, useSignInFlow } from './context';
import { StepCard } from './StepCard';
import { offersFirstFactor } from './steps';

/** What SignIn's email-link parts, loaded on demand, use of SignIn (see EmailLink/kit.ts). */
export const signInLinkKit = /* @__PURE__ */ Object.assign({ StepCard, offersFirstFactor, shownIdentifier, useSignInFlow, useStepAction }, emailLinkKit);

export type SignInLinkKit = typeof signInLinkKit;
