import { EMAIL_LINK_PARAM } from '@latch/protocol';
import { useLatch } from '@latch/react';
import {
  Alert,
  breakableEmails,
  Card,
  dropEmailLinkToken,
  Header,
  Main,
  mergeLocalization,
  PrimaryButton,
  ResendCode,
  SecondaryButton,
  Sheet,
  Spinner,
  useAsyncAction,
  useElement,
  useLocalization,
} from '../../foundation';
import { ComponentContext, useComponentContext } from '../../foundation/context';

/**
 * What the on-demand email-link parts (the "check your email" steps, the page
 * the link opens) use of the package and of @latch/react, handed to them as a
 * prop instead of imported, as the passkey and social parts do (see
 * passkeys/kit.ts for why). Each component's kit adds what only its parts use.
 */
export const emailLinkKit = {
  Alert,
  Card,
  Header,
  Main,
  PrimaryButton,
  ResendCode,
  SecondaryButton,
  Sheet,
  Spinner,
  breakableEmails,
  dropEmailLinkToken,
  mergeLocalization,
  useAsyncAction,
  useElement,
  useLocalization,
  ComponentContext,
  useComponentContext,
  useLatch,
  /** The query parameter that carries the link's token. */
  linkParam: EMAIL_LINK_PARAM,
};

export type EmailLinkKit = typeof emailLinkKit;
