import { useMemo } from 'react';
import { isLatchAPIError, isLatchNetworkError } from '@latch/react';
import { translate, type LocalizationKey, type LocalizationResource } from '../../localization';
import { useComponentContext } from '../context';

export interface Localization {
  t(key: LocalizationKey, params?: Record<string, string | number>): string;
  locale: string;
  dir: 'ltr' | 'rtl';
  /** A message for any thrown error: API errors by code, network failures, else `fallbackKey` or a generic one. */
  errorMessage(error: unknown, fallbackKey?: LocalizationKey): string;
  /** API errors that name a field (`meta.paramName`), as `{ [paramName]: message }`. */
  fieldErrors(error: unknown): Partial<Record<string, string>>;
}

/**
 * The resource's message for an API error code, if it has one. The resource,
 * not enUS: the messages of email links, passkeys and social sign-in join it
 * with the parts that meet them.
 */
function errorKey(resource: LocalizationResource, code: string): LocalizationKey | null {
  return Object.hasOwn(resource.errors, code) ? (`errors.${code}` as LocalizationKey) : null;
}

export function createLocalization(resource: LocalizationResource): Localization {
  const t: Localization['t'] = (key, params) => translate(resource, key, params);
  const locale = resource.locale;
  return {
    t,
    locale,
    dir: resource.dir === 'rtl' ? 'rtl' : 'ltr',
    errorMessage(error, fallbackKey) {
      if (isLatchAPIError(error)) {
        const key = errorKey(resource, error.code);
        if (key) return t(key);
      } else if (isLatchNetworkError(error)) {
        return t('errors.network');
      }
      return t(fallbackKey ?? 'errors.unknown');
    },
    fieldErrors(error) {
      const out: Partial<Record<string, string>> = {};
      if (!isLatchAPIError(error)) return out;
      for (const entry of error.errors) {
        const param = entry.meta?.paramName;
        if (!param || out[param]) continue;
        out[param] = t(errorKey(resource, entry.code) ?? 'errors.unknown');
      }
      return out;
    },
  };
}

/** `t()`, error messages and the locale of the surrounding component (dates: ./format.ts). */
export function useLocalization(): Localization {
  const { resource } = useComponentContext();
  return useMemo(() => createLocalization(resource), [resource]);
}
