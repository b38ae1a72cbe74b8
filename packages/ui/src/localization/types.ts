import type { common } from './en-US/common';
import type { enUS } from './en-US';
import type { emailLink } from './en-US/emailLink';

/** The same shape with every string leaf widened to `string`. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? T[K] : DeepPartial<T[K]> };

/**
 * A complete resource: every visible string, plus its BCP 47 `locale` and text
 * direction. The email-link section may be left out (its English ships with
 * the parts that show it, not in enUS); present, it is complete. Every
 * shipped locale has it (a test holds that).
 */
export type LocalizationResource = Omit<Strings<typeof enUS>, 'dir'> & { dir: 'ltr' | 'rtl'; emailLink?: Strings<typeof emailLink> };

/** What the `localization` prop takes: any subset; every missing key falls back to English. */
export type LocalizationInput = DeepPartial<LocalizationResource>;

/** The shared section a locale must translate in full. */
export type CommonStrings = Strings<typeof common>;

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends string ? `${Prefix}${K}` : Paths<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

/** Dotted path of every string in the resource ('formButtonPrimary', 'signIn.password.title', …). */
export type LocalizationKey = Exclude<Paths<LocalizationResource>, 'locale' | 'dir'>;
