// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { arSA } from '@latch/ui/locales';
import { renderSignUp, serveMockBackend } from './harness';

const backend = serveMockBackend();

describe('<SignUp/>: localization and appearance', () => {
  it('relabels every primary button with formButtonPrimary, and takes a partial override', async () => {
    const { user } = renderSignUp(backend.url, {
      localization: { formButtonPrimary: 'Onward', signUp: { start: { title: 'Join us' } } },
    });
    expect(await screen.findByRole('heading', { name: 'Join us' })).toBeTruthy();
    // The heading renders before the environment arrives; the fields follow it.
    await user.type(await screen.findByLabelText('Email address', {}, { timeout: 5000 }), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Onward' }));
    // A key the override leaves out falls back to English.
    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Onward' })).toBeTruthy();
  });

  it('takes a right-to-left locale from the provider', async () => {
    const { container } = renderSignUp(backend.url, {}, { localization: arSA as unknown as Record<string, unknown> });
    await screen.findByRole('heading');
    const root = container.querySelector('.latch-root')!;
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe(arSA.locale);
  });

  it('styles its own elements through appearance.elements', async () => {
    const { container } = renderSignUp(backend.url, {
      appearance: {
        elements: { signUpNameRow: 'my-names', formButtonPrimary: { borderRadius: '3px' } },
        layout: { termsPageUrl: '/terms' },
      },
    });
    await screen.findByLabelText('First name');
    expect(container.querySelector('.latch-signUpNameRow')!.classList.contains('my-names')).toBe(true);
    expect(screen.getByRole('button', { name: 'Continue' }).style.borderRadius).toBe('3px');
    expect(container.querySelector('.latch-signUpLegalLink')!.getAttribute('href')).toBe('/terms');
  });
});
