import { browserSupportsPasskeys, useAuth, useSessionList, useSignIn } from '@latch/react';
import { Avatar, BackupCodeField, Checkbox, CodeField, codeProblem, Form, LinkButton, PasswordField, useLayout, useStepAction } from '../../foundation';
import { buttonVariant, socialProviders } from '../../social/providers';
import { partKit } from '../kit';
import { shownIdentifier, useSignInFlow } from './context';
import { AccountUsername, StepCard } from './StepCard';
import { offersFirstFactor } from './steps';

/**
 * What SignIn's on-demand chunk (./extras.tsx: the steps after the start,
 * social sign-in, passkeys, email links) uses of SignIn and the package
 * (see ../kit.ts).
 */
export const signInKit = /* @__PURE__ */ Object.assign(
  {
    AccountUsername,
    Avatar,
    BackupCodeField,
    Checkbox,
    CodeField,
    Form,
    LinkButton,
    PasswordField,
    StepCard,
    browserSupportsPasskeys,
    buttonVariant,
    codeProblem,
    offersFirstFactor,
    shownIdentifier,
    socialProviders,
    useAuth,
    useLayout,
    useSessionList,
    useSignIn,
    useSignInFlow,
    useStepAction,
  },
  partKit,
);

export type SignInKit = typeof signInKit;
