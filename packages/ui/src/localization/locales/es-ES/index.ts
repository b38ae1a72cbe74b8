import type { LocalizationResource } from '../../types';
import { common } from './common';
import { emailLink } from './emailLink';
import { passkeys } from './passkeys';
import { signIn } from './signIn';
import { signUp } from './signUp';
import { social } from './social';
import { userButton } from './userButton';
import { userProfile } from './userProfile';

/** Spanish (Spain), addressing the user as "tú". Complete: a key missing here is a type error. */
export const esES = {
  locale: 'es-ES',
  dir: 'ltr',
  ...common,
  signIn,
  signUp,
  userProfile,
  userButton,
  emailLink,
  social,
  passkeys,
} satisfies LocalizationResource;
