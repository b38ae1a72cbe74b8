// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderSignUp, serveMockBackend, violations } from './harness';

const backend = serveMockBackend({
  settings: { identifiers: { username: true }, signUp: { fields: { username: 'optional' } } },
});

describe('<SignUp/> passes axe on every step', () => {
  it('the form, empty, with errors and consent; the code step, with an error', async () => {
    const { user } = renderSignUp(backend.url, {
      appearance: { layout: { termsPageUrl: '/terms', privacyPageUrl: '/privacy', logoImageUrl: '/logo.svg' } },
    });
    await screen.findByRole('heading', { name: 'Create your account' });
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findAllByRole('alert');
    expect(await violations()).toEqual([]);

    await user.type(screen.getByLabelText('Email address'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Verify your email' });
    expect(await violations()).toEqual([]);

    await user.type(screen.getByLabelText('Verification code'), '12');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('alert');
    expect(await violations()).toEqual([]);
  });

  it('keyboard alone: Tab through the form in a sensible order, Space to consent, Enter to continue', async () => {
    const { user } = renderSignUp(backend.url, { appearance: { layout: { termsPageUrl: '/terms' } } });
    await screen.findByLabelText('Email address');
    const order: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      await user.tab();
      const active = document.activeElement as HTMLInputElement;
      order.push(active.getAttribute('aria-label') ?? (active.labels?.[0]?.textContent || active.textContent || ''));
    }
    expect(order).toEqual([
      'First name',
      'Last name',
      'Username',
      'Email address',
      'Password',
      'Show password',
      'I agree to the Terms of Service (opens in a new tab)',
      'Terms of Service (opens in a new tab)',
      'Continue',
      'Sign in',
    ]);

    await user.click(screen.getByLabelText('First name'));
    await user.keyboard('Alan{Tab}Turing{Tab}{Tab}alan@example.com{Tab}enigma-bombe-1939{Tab}{Tab} {Enter}');
    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
    // Focus is on the new heading; the code field comes after the "Edit" button.
    await user.keyboard(`{Tab}{Tab}${backend.latestCode('alan@example.com')}{Enter}`);
    expect(await screen.findByText('Signed in')).toBeTruthy();
  });
});
