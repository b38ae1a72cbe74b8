import { useSignUp } from '@latch/react';
import { IdentityPreview, LinkButton } from '../../foundation';
import { emailLinkKit } from '../EmailLink/kit';
import { useFinishSignUp } from './useFinishSignUp';

/** What SignUp's email-link parts, loaded on demand, use of SignUp (see EmailLink/kit.ts). */
export const signUpLinkKit = /* @__PURE__ */ Object.assign({ IdentityPreview, LinkButton, useFinishSignUp, useSignUp }, emailLinkKit);

export type SignUpLinkKit = typeof signUpLinkKit;
