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
 * locale falls back to per key. All but three sections, which ship with the
 * parts that show them and load on demand, so a page's first load carries
 * none of them: email links (./emailLink.ts), passkeys (./passkeys.ts) and
 * social sign-in (./social.ts), each with the error messages only it meets.
 * A pure call rather than a spread, which
 * bundlers keep as a possible side effect: an app that never reads it does
 * not ship it.
 */
export const enUS = /* @__PURE__ */ Object.assign({}, enUSCommon, { signIn, signUp, userProfile, userButton });
