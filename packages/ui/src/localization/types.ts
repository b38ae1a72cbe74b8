import type { common } from './en-US/common';
import type { enUS } from './en-US';
import type { emailLink, emailLinkErrors } from './en-US/emailLink';
import type { passkeyErrors, passkeys } from './en-US/passkeys';
import type { social, socialErrors } from './en-US/social';

/** The same shape with every string leaf widened to `string`. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? T[K] : DeepPartial<T[K]> };

/** The error messages of email links, passkeys and social sign-in, which ship with those parts. */
type FeatureErrors = Strings<typeof emailLinkErrors & typeof passkeyErrors & typeof socialErrors>;

/**
 * A complete resource: every visible string, plus its BCP 47 `locale` and text
 * direction. Three sections may be left out, email links, passkeys and social
 * sign-in, with the error messages only they meet: their English ships with
 * the parts that show them, not in enUS. Present, each is complete; every
 * shipped locale has all of them (a test holds that).
 */
export type LocalizationResource = Omit<Strings<typeof enUS>, 'dir' | 'errors'> & {
  dir: 'ltr' | 'rtl';
  errors: Strings<typeof common.errors> & Partial<FeatureErrors>;
  emailLink?: Strings<typeof emailLink>;
  passkeys?: Strings<typeof passkeys>;
  social?: Strings<typeof social>;
};

/** What the `localization` prop takes: any subset; every missing key falls back to English. */
export type LocalizationInput = DeepPartial<LocalizationResource>;

/** The shared section a locale must translate in full, every error message included. */
export type CommonStrings = Omit<Strings<typeof common>, 'errors'> & { errors: Strings<typeof common.errors> & FeatureErrors };

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends string ? `${Prefix}${K}` : Paths<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

/** Dotted path of every string in the resource ('formButtonPrimary', 'signIn.password.title', …). */
export type LocalizationKey = Exclude<Paths<Required<LocalizationResource>>, 'locale' | 'dir'>;
