import { common } from './common';
import { signIn } from './signIn';
import { signUp } from './signUp';
import { userButton } from './userButton';
import { userProfile } from './userProfile';

/**
 * What every component reads: the locale, its direction and the shared
 * strings. Each component adds its own section (`signIn`, …) when it renders
 * (`ComponentRoot`'s `strings`), so a page ships the English of the
 * components it uses, not all of it.
 */
export const enUSCommon = { locale: 'en-US', dir: 'ltr' as 'ltr' | 'rtl', ...common };

/**
 * The default resource: every visible string, and the reference every other
 * locale falls back to per key, but for the passkey parts' strings (the
 * `passkeys` section of `LocalizationResource`), whose English loads with
 * those parts, on demand (en-US/passkeys.ts). A pure call rather than a spread, which
 * bundlers keep as a possible side effect: an app that never reads it does
 * not ship it.
 */
export const enUS = /* @__PURE__ */ Object.assign({}, enUSCommon, { signIn, signUp, userProfile, userButton });
