import { browserSupportsPasskeyAutofill, isLatchAPIError, useUser } from '@latch/react';
import { Alert, Card, Header, Main, mergeLocalization, PrimaryButton, SecondaryButton, Spinner, useAsyncAction, useElement, useLocalization } from '../../foundation';
import { ComponentContext, useComponentContext } from '../../foundation/context';

type Foundation = typeof import('../../foundation');
type Context = typeof import('../../foundation/context');
type Hooks = typeof import('@latch/react');

/**
 * What the on-demand passkey parts use of the package, handed to them as a
 * prop instead of imported. Why: the package is one bundle with chunks; a
 * part that imported the foundation would share a chunk with every
 * component, and an app's bundler puts a shared chunk, with all that any of
 * its importers uses, in the first load. Through the kit, the parts' chunks
 * hold only their own code and strings, and load only when asked for.
 * Each part's kit adds what only it uses (SignIn's adds the divider, the
 * profile's the form fields and dates), so no other component ships those.
 * The parts import nothing of @latch/react either (types aside), for the same
 * reason: the first load holds the client too.
 */
export type PasskeyKit = Pick<
  Foundation,
  'Alert' | 'Card' | 'Header' | 'Main' | 'PrimaryButton' | 'SecondaryButton' | 'Spinner' | 'mergeLocalization' | 'useAsyncAction' | 'useElement' | 'useLocalization'
> &
  Pick<Context, 'ComponentContext' | 'useComponentContext'> &
  Pick<Hooks, 'browserSupportsPasskeyAutofill' | 'isLatchAPIError' | 'useUser'>;

export const passkeyKit: PasskeyKit = {
  Alert,
  Card,
  Header,
  Main,
  PrimaryButton,
  SecondaryButton,
  Spinner,
  mergeLocalization,
  useAsyncAction,
  useElement,
  useLocalization,
  ComponentContext,
  useComponentContext,
  browserSupportsPasskeyAutofill,
  isLatchAPIError,
  useUser,
};
