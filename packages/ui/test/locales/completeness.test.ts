import { describe, expect, it } from 'vitest';
import { enUS } from '../../src/foundation';
import { componentErrorCodes, english, locales, placeholders, strings } from './resources';

/**
 * Strings that are rightly the same as in English: loanwords the language
 * uses as is, and file names kept ASCII. Anything else equal to English is a
 * string someone forgot to translate.
 */
const sameAsEnglish: Record<string, string[]> = {
  frFR: ['userProfile.devices.mobile'],
  deDE: ['optional', 'userProfile.devices.tablet', 'userProfile.backupCodes.fileName'],
  esES: [],
  jaJP: ['userProfile.backupCodes.fileName'],
  arSA: ['userProfile.backupCodes.fileName'],
};

/** Each string of these locales shows its own script (a copied English string would not). */
const script: Record<string, RegExp> = {
  jaJP: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}、。「」（）？]/u,
  arSA: /\p{Script=Arabic}/u,
};

describe.each(locales)('%s', (name, resource) => {
  const translated = strings(resource);

  it('has every key of enUS, and no other', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has a non-empty, trimmed string for every key', () => {
    const bad = [...translated].filter(([, text]) => typeof text !== 'string' || !text.trim() || text !== text.trim());
    expect(bad).toEqual([]);
  });

  it('keeps the {{params}} of every English string, and no stray braces', () => {
    const mismatched = [...translated]
      .filter(([key, text]) => placeholders(text as string).join() !== placeholders(english.get(key) as string).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
    const stray = [...translated].filter(([, text]) => /[{}]/.test((text as string).replace(/\{\{\s*\w+\s*\}\}/g, '')));
    expect(stray).toEqual([]);
  });

  it('translates every string, except the allowed few that English shares', () => {
    const same = [...translated].filter(([key, text]) => text === english.get(key)).map(([key]) => key);
    expect(same.sort()).toEqual([...(sameAsEnglish[name] ?? [])].sort());
  });

  it.runIf(name in script)('writes every translated string in its own script', () => {
    const allowed = new Set(sameAsEnglish[name]);
    const foreign = [...translated].filter(([key, text]) => !allowed.has(key) && !script[name]!.test(text as string));
    expect(foreign).toEqual([]);
  });

  it('names itself with a canonical BCP 47 tag matching its export, and its direction', () => {
    expect(Intl.getCanonicalLocales(resource.locale)).toEqual([resource.locale]);
    expect(resource.locale.replace('-', '')).toBe(name);
    expect(resource.dir).toBe(name === 'arSA' ? 'rtl' : 'ltr');
  });

  it('keeps the visible "Edit" inside the email edit button’s accessible name (label in name)', () => {
    expect(resource.signUp.verify.editEmail.toLocaleLowerCase(resource.locale)).toContain(resource.edit.toLocaleLowerCase(resource.locale));
  });

  it('asks for a deletion word that can be typed as one token', () => {
    expect(resource.userProfile.deleteAccount.confirmWord).toMatch(/^\S+$/u);
  });
});

describe('error messages', () => {
  it('cover every error code of the protocol the components can meet, in English and so in every locale', () => {
    const missing = componentErrorCodes.filter((code) => !Object.hasOwn(enUS.errors, code));
    expect(missing).toEqual([]);
  });
});
