import { useSignUp } from '@latch/react';
import { Card, Field, FooterAction, Form, Header, Main, useLayout, useLeaveAfterAuth, useStepAction } from '../../foundation';
import { socialKit } from '../../social/kit';

/** What SignUp's social steps, loaded on demand, use of the package (see social/kit.ts). */
export const signUpSocialKit = /* @__PURE__ */ Object.assign(
  { Card, Field, FooterAction, Form, Header, Main, useLayout, useLeaveAfterAuth, useStepAction, useSignUp },
  socialKit,
);

export type SignUpSocialKit = typeof signUpSocialKit;
