// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { ErrorCodes } from '@latch/protocol';
import { LatchAPIError, LatchNetworkError } from '@latch/react';
import { arSA, deDE, esES, frFR, jaJP } from '../../src/locales';
import {
  ComponentRoot,
  createLocalization,
  enUS,
  Field,
  formatDate,
  formatRelative,
  mergeLocalization,
  PrimaryButton,
  useLocalization,
  type LocalizationInput,
} from '../../src/foundation';
import { serveMockBackend, withProvider } from './harness';
import { componentErrorCodes } from '../locales/resources';

const backend = serveMockBackend();

function Labels() {
  const { t } = useLocalization();
  return (
    <>
      <PrimaryButton>{t('formButtonPrimary')}</PrimaryButton>
      <p data-testid="password">{t('fields.password')}</p>
      <p data-testid="hint">{t('passwordHints.minLength', { count: 8 })}</p>
    </>
  );
}

async function renderRoot(localization?: LocalizationInput, providerLocalization?: LocalizationInput) {
  await act(async () => {
    render(
      withProvider(
        backend.url,
        <ComponentRoot component="signIn" localization={localization}>
          <Labels />
        </ComponentRoot>,
        { localization: providerLocalization },
      ),
    );
  });
}

describe('localization', () => {
  it('speaks English by default, with {{params}} filled in', async () => {
    await renderRoot();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
    expect(screen.getByTestId('hint').textContent).toBe('Have at least 8 characters');
  });

  it('relabels every primary button with one top-level key, falling back per key', async () => {
    await renderRoot({ formButtonPrimary: 'Onward' });
    expect(screen.getByRole('button', { name: 'Onward' })).toBeTruthy();
    expect(screen.getByTestId('password').textContent).toBe('Password');
  });

  it('lays the prop over the provider’s localization', async () => {
    await renderRoot({ fields: { password: 'Passphrase' } }, frFR);
    expect(screen.getByRole('button', { name: 'Continuer' })).toBeTruthy();
    expect(screen.getByTestId('password').textContent).toBe('Passphrase');
    expect(document.querySelector('.latch-root')?.getAttribute('lang')).toBe('fr-FR');
  });

  it('sets dir="rtl" and lang for Arabic', async () => {
    await renderRoot(arSA);
    const root = document.querySelector('.latch-root');
    expect(root?.getAttribute('dir')).toBe('rtl');
    expect(root?.getAttribute('lang')).toBe('ar-SA');
    expect(screen.getByRole('button', { name: 'متابعة' })).toBeTruthy();
  });

  it('falls back to English for a key a hand-built resource lacks', () => {
    const broken = mergeLocalization(enUS, { fields: { password: undefined } });
    const partial = { ...broken, fields: {} } as unknown as typeof broken;
    expect(createLocalization(partial).t('fields.password')).toBe('Password');
  });

  it('renders markup in strings as text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    await renderRoot({ fields: { password: payload } });
    expect(screen.getByTestId('password').textContent).toBe(payload);
    expect(document.querySelector('img')).toBeNull();
    await act(async () => {
      render(
        withProvider(
          backend.url,
          <ComponentRoot component="signUp">
            <Field name="firstName" label={payload} value={payload} onChange={() => {}} error={payload} />
          </ComponentRoot>,
        ),
      );
    });
    expect(screen.getByLabelText(payload)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('errors', () => {
  const l10n = createLocalization(enUS);
  const apiError = (code: string, paramName?: string) =>
    new LatchAPIError(422, [{ code: code as never, message: 'raw server text', meta: paramName ? { paramName } : {} }]);

  it('has a message for every error code the components can meet, in English and the shipped locales', () => {
    for (const code of componentErrorCodes) {
      expect(enUS.errors, code).toHaveProperty(code);
      for (const locale of [frFR, deDE, esES, jaJP, arSA]) expect(locale.errors, `${locale.locale} ${code}`).toHaveProperty(code);
    }
  });

  it('localizes API errors by code, never showing the server’s text', () => {
    expect(l10n.errorMessage(apiError(ErrorCodes.passwordIncorrect))).toBe(enUS.errors.form_password_incorrect);
    expect(createLocalization(mergeLocalization(enUS, frFR)).errorMessage(apiError(ErrorCodes.codeIncorrect))).toBe(
      'Le code est incorrect.',
    );
    expect(l10n.errorMessage(apiError('some_future_code'))).toBe(enUS.errors.unknown);
    expect(l10n.errorMessage(new LatchNetworkError('offline'))).toBe(enUS.errors.network);
    expect(l10n.errorMessage(new Error('boom'), 'errors.internal_error')).toBe(enUS.errors.internal_error);
  });

  it('maps field errors by paramName', () => {
    const error = new LatchAPIError(422, [
      { code: ErrorCodes.identifierExists, message: 'x', meta: { paramName: 'emailAddress' } },
      { code: ErrorCodes.passwordPwned, message: 'y', meta: { paramName: 'password' } },
      { code: ErrorCodes.internal, message: 'z' },
    ]);
    expect(l10n.fieldErrors(error)).toEqual({
      emailAddress: enUS.errors.form_identifier_exists,
      password: enUS.errors.form_password_pwned,
    });
    expect(l10n.fieldErrors(new Error('x'))).toEqual({});
  });
});

describe('dates', () => {
  it('formats dates and relative times through Intl in the resource’s locale', () => {
    const now = Date.UTC(2025, 0, 15, 12);
    const en = createLocalization(enUS).locale;
    expect(formatRelative(en, now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatRelative(en, now - 24 * 3600_000, now)).toBe('yesterday');
    expect(formatRelative(en, now + 2 * 3600_000, now)).toBe('in 2 hours');
    expect(formatRelative(createLocalization(mergeLocalization(enUS, frFR)).locale, now - 24 * 3600_000, now)).toBe('hier');
    expect(formatDate(en, now)).toMatch(/Jan 15, 2025/);
  });
});
