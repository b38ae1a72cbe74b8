import { EMAIL_LINK_PARAM, OAUTH_CALLBACK_PARAMS } from '@latch/protocol';
import { browserSupportsPasskeyAutofill, isLatchAPIError, useLatch, useUser } from '@latch/react';
import {
  Alert,
  Badge,
  breakableEmails,
  Card,
  Divider,
  dropEmailLinkToken,
  Header,
  Main,
  mergeLocalization,
  navigateTo,
  PrimaryButton,
  ResendCode,
  SecondaryButton,
  Sheet,
  Spinner,
  useAsyncAction,
  useElement,
  useLocalization,
  useNavigate,
} from '../foundation';
import { ComponentContext, useComponentContext } from '../foundation/context';

/**
 * What the on-demand parts (passkeys, social sign-in, email links) use of the
 * package and of @latch/react, handed to them as a prop instead of imported.
 * Why: the package is one bundle with chunks; a part that imported a module
 * the first load also holds (the foundation, the client) would split that
 * module into a chunk of its own, and an app's bundler puts a shared chunk,
 * with all that any of its importers uses, in the first load: several chunks,
 * more bytes, worse compression. Through the kit, the parts' chunks hold only
 * their own code and strings, and load only when asked for. One kit for all
 * the parts, so a component's first load lists each building block once;
 * each component's own kit adds what only its parts use (SignIn's step card,
 * the profile's sections).
 */
export const partKit = {
  Alert,
  Badge,
  Card,
  Divider,
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
  navigateTo,
  useAsyncAction,
  useElement,
  useLocalization,
  useNavigate,
  ComponentContext,
  useComponentContext,
  browserSupportsPasskeyAutofill,
  isLatchAPIError,
  useLatch,
  useUser,
  /** The query parameters of a provider's answer, taken out of the address bar once sent. */
  callbackParams: OAUTH_CALLBACK_PARAMS,
  /** The query parameter that carries an emailed link's token. */
  linkParam: EMAIL_LINK_PARAM,
};

export type PartKit = typeof partKit;
