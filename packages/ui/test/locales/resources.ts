import { arSA, deDE, esES, frFR, jaJP } from '@latch/ui/locales';
import { enUS, type LocalizationResource } from '../../src/foundation';
import { emailLink, emailLinkErrors } from '../../src/localization/en-US/emailLink';
import { passkeyErrors, passkeys } from '../../src/localization/en-US/passkeys';
import { social, socialErrors } from '../../src/localization/en-US/social';

/** Every shipped locale by its export name. */
export const locales: [name: string, resource: LocalizationResource][] = [
  ['frFR', frFR],
  ['deDE', deDE],
  ['esES', esES],
  ['jaJP', jaJP],
  ['arSA', arSA],
];

/** `locale` and `dir` describe the resource; every other leaf is text a user sees. */
const metadata = new Set(['locale', 'dir']);

/** Every user-visible string of `tree`, by dotted key ('signIn.start.title'). */
export function strings(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null) return out;
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (!prefix && metadata.has(key)) continue;
    if (typeof value === 'object' && value !== null) for (const [k, v] of strings(value, `${path}.`)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/** Every error message in English: enUS's, and those that ship with the email-link, passkey and social parts. */
export const englishErrors = { ...enUS.errors, ...emailLinkErrors, ...passkeyErrors, ...socialErrors };

/** enUS, and the sections that ship apart from it (email links, passkeys, social sign-in: with the parts that show them). */
export const english = strings({ ...enUS, errors: englishErrors, emailLink, passkeys, social });

/** The `{{name}}` placeholders of `text`, sorted, one entry per occurrence. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}
