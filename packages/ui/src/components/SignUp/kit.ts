import { useSignUp } from '@latch/react';
import { Field, FooterAction, Form, IdentityPreview, LinkButton, useLayout, useLeaveAfterAuth, useStepAction } from '../../foundation';
import { partKit } from '../kit';
import { useFinishSignUp } from './useFinishSignUp';

/** What SignUp's on-demand parts (passkey offer, social and email-link steps) use of SignUp (see ../kit.ts). */
export const signUpKit = /* @__PURE__ */ Object.assign(
  { Field, FooterAction, Form, IdentityPreview, LinkButton, useFinishSignUp, useLayout, useLeaveAfterAuth, useSignUp, useStepAction },
  partKit,
);

export type SignUpKit = typeof signUpKit;
