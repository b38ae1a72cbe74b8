import type { Localization } from '../localization/useLocalization';

/** Digits in an emailed code and in an authenticator app's code. */
export const codeLength = 6;

/**
 * The message for a code that is not yet `length` digits, or null: checked
 * before a round trip, since the server would only refuse it.
 */
export function codeProblem(code: string, t: Localization['t'], length = codeLength): string | null {
  return code.length === length ? null : t('validation.codeLength', { count: length });
}
