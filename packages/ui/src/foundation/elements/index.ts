import { commonElements } from './common';
import { emailLinkElements } from './emailLink';
import { signInElements } from './signIn';
import { signUpElements } from './signUp';
import { socialElements } from './social';
import { userButtonElements } from './userButton';
import { userProfileElements } from './userProfile';

export type ElementKey =
  | (typeof commonElements)[number]
  | (typeof signInElements)[number]
  | (typeof signUpElements)[number]
  | (typeof userProfileElements)[number]
  | (typeof userButtonElements)[number]
  | (typeof emailLinkElements)[number]
  | (typeof socialElements)[number];

/**
 * Every styled element, one typed list: the README's table of appearance keys
 * is generated from it, and `useElement` accepts nothing else. A pure `concat`
 * rather than spreads, which bundlers keep as possible side effects: an app
 * that never reads the list does not ship it (0.4 KB gzip).
 */
export const elementKeys: readonly ElementKey[] = /* @__PURE__ */ ([] as ElementKey[]).concat(
  commonElements,
  signInElements,
  signUpElements,
  userProfileElements,
  userButtonElements,
  emailLinkElements,
  socialElements,
);
