import { common } from './common';
import { signIn } from './signIn';
import { signUp } from './signUp';
import { userButton } from './userButton';
import { userProfile } from './userProfile';

/** The default resource: every visible string, and the reference every other locale falls back to per key. */
export const enUS = {
  locale: 'en-US',
  dir: 'ltr' as 'ltr' | 'rtl',
  ...common,
  signIn,
  signUp,
  userProfile,
  userButton,
};
