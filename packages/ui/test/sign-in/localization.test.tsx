// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { arSA, frFR } from '@latch/ui/locales';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend } from './harness';

const { backend } = serveMockBackend();

describe('<SignIn/> localization and appearance', () => {
  it('relabels every primary button with formButtonPrimary', async () => {
    const { user } = renderSignIn(backend.url, { localization: { formButtonPrimary: 'Onward' } });
    await heading('Sign in');
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    await user.type(screen.getByLabelText('Email address'), ada.emailAddress);
    await user.click(screen.getByRole('button', { name: 'Onward' }));
    await heading('Enter your password');
    await user.type(screen.getByLabelText('Password'), ada.password);
    await user.click(screen.getByRole('button', { name: 'Onward' }));
    await screen.findByText('Signed in as Ada');
  });

  it('takes a partial resource from the provider, per key, with English for the rest', async () => {
    const localization = {
      ...frFR,
      formButtonPrimary: 'Continuer',
      fields: { emailAddress: 'Adresse e-mail' },
      signIn: { start: { title: 'Connexion', subtitle: 'pour continuer vers {{applicationName}}' } },
    };
    const { container } = renderSignIn(backend.url, {}, { localization });
    await heading('Connexion');
    expect(screen.getByText('pour continuer vers Latch')).toBeTruthy();
    expect(screen.getByLabelText('Adresse e-mail')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continuer' })).toBeTruthy();
    // Not translated here: English.
    expect(screen.getByRole('link', { name: 'Sign up' })).toBeTruthy();
    const root = container.querySelector('.latch-root')!;
    expect(root.getAttribute('lang')).toBe('fr-FR');
    expect(root.getAttribute('dir')).toBe('ltr');
  });

  it('runs right to left in Arabic', async () => {
    const { container, user } = renderSignIn(backend.url, { localization: arSA });
    await screen.findByRole('heading', { level: 1 });
    const root = container.querySelector('.latch-root')!;
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe('ar-SA');
    // The flow still works, whatever the labels say.
    await user.type(screen.getByRole('textbox'), ada.emailAddress);
    await user.click(screen.getByRole('button', { name: arSA.formButtonPrimary ?? 'Continue' }));
    await screen.findByLabelText(arSA.fields?.password ?? 'Password');
  });

  it('applies appearance: classes and styles by element key, variables on the root', async () => {
    const { container, user } = renderSignIn(backend.url, {
      appearance: {
        variables: { colorPrimary: 'rebeccapurple' },
        elements: { formButtonPrimary: 'my-button', card: { maxWidth: '30rem' }, identityPreviewEditButton: 'my-edit' },
      },
    });
    await heading('Sign in');
    const root = container.querySelector<HTMLElement>('.latch-root')!;
    expect(root.style.getPropertyValue('--latch-color-primary')).toBe('rebeccapurple');
    expect(container.querySelector<HTMLElement>('.latch-card')!.style.maxWidth).toBe('30rem');
    expect(screen.getByRole('button', { name: 'Continue' }).className).toBe('latch-formButtonPrimary my-button');
    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    expect(screen.getByRole('button', { name: 'Edit' }).className).toBe('latch-identityPreviewEditButton my-edit');
  });
});
