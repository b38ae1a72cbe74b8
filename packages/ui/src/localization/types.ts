import type { common } from './en-US/common';
import type { enUS } from './en-US';
import type { emailLink } from './en-US/emailLink';
import type { passkeys } from './en-US/passkeys';

/** The same shape with every string leaf widened to `string`. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? T[K] : DeepPartial<T[K]> };

/**
 * A complete resource: every visible string, plus its BCP 47 `locale` and text
 * direction. Two sections may be left out, email links and passkeys: their
 * English ships with the parts that show them, not in enUS. Present, each is
 * complete; every shipped locale has both (a test holds that).
 */
export type LocalizationResource = Omit<Strings<typeof enUS>, 'dir'> & {
  dir: 'ltr' | 'rtl';
  emailLink?: Strings<typeof emailLink>;
  passkeys?: Strings<typeof passkeys>;
};

/** What the `localization` prop takes: any subset; every missing key falls back to English. */
export type LocalizationInput = DeepPartial<LocalizationResource>;

/** The shared section a locale must translate in full. */
export type CommonStrings = Strings<typeof common>;

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends string ? `${Prefix}${K}` : Paths<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

/** Dotted path of every string in the resource ('formButtonPrimary', 'signIn.password.title', …). */
export type LocalizationKey = Exclude<Paths<Required<LocalizationResource>>, 'locale' | 'dir'>;
