// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { createMockBackend } from '@latch/mock';
import { LatchProvider } from '@latch/react';
import { SignIn } from '@latch/ui';
import { arSA, deDE, esES, frFR, jaJP } from '@latch/ui/locales';
import type { LocalizationResource } from '../../src/foundation';

const ada = { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada' };
const backend = createMockBackend({ users: [ada] });
const server = setupServer(...backend.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  globalThis.localStorage?.clear();
  await backend.reset();
});
afterAll(() => server.close());

/** What a user of each locale reads, written out here rather than read back from the resource. */
const cases: [string, LocalizationResource, { lang: string; dir: string; title: string; email: string; continue: string; password: string; wrongPassword: string }][] = [
  ['frFR', frFR, { lang: 'fr-FR', dir: 'ltr', title: 'Se connecter', email: 'Adresse e-mail', continue: 'Continuer', password: 'Mot de passe', wrongPassword: 'Mot de passe incorrect. Réessayez ou utilisez une autre méthode.' }],
  ['deDE', deDE, { lang: 'de-DE', dir: 'ltr', title: 'Anmelden', email: 'E-Mail-Adresse', continue: 'Weiter', password: 'Passwort', wrongPassword: 'Das Passwort ist falsch. Versuchen Sie es erneut oder nutzen Sie eine andere Methode.' }],
  ['esES', esES, { lang: 'es-ES', dir: 'ltr', title: 'Iniciar sesión', email: 'Correo electrónico', continue: 'Continuar', password: 'Contraseña', wrongPassword: 'La contraseña es incorrecta. Inténtalo de nuevo o usa otro método.' }],
  ['jaJP', jaJP, { lang: 'ja-JP', dir: 'ltr', title: 'サインイン', email: 'メールアドレス', continue: '続行', password: 'パスワード', wrongPassword: 'パスワードが正しくありません。もう一度試すか、別の方法を使用してください。' }],
  ['arSA', arSA, { lang: 'ar-SA', dir: 'rtl', title: 'تسجيل الدخول', email: 'البريد الإلكتروني', continue: 'متابعة', password: 'كلمة المرور', wrongPassword: 'كلمة المرور غير صحيحة. حاول مرة أخرى أو استخدم طريقة أخرى.' }],
];

describe.each(cases)('<SignIn/> in %s', (_name, localization, expected) => {
  it('labels the field and the primary button, and localizes API errors by code', async () => {
    const user = userEvent.setup();
    let container!: HTMLElement;
    await act(async () => {
      ({ container } = render(
        <LatchProvider frontendApi={backend.url} localization={localization}>
          <SignIn />
        </LatchProvider>,
      ));
    });
    expect(await screen.findByRole('heading', { level: 1, name: expected.title })).toBeTruthy();
    const root = container.querySelector('.latch-root');
    expect(root?.getAttribute('lang')).toBe(expected.lang);
    expect(root?.getAttribute('dir')).toBe(expected.dir);
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();

    await user.type(screen.getByLabelText(expected.email), ada.emailAddress);
    await user.click(screen.getByRole('button', { name: expected.continue }));
    await user.type(await screen.findByLabelText(expected.password), 'not-the-password');
    await user.click(screen.getByRole('button', { name: expected.continue }));
    expect((await screen.findByRole('alert')).textContent).toBe(expected.wrongPassword);
  });
});
