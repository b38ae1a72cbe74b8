// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderSignUp, serveMockBackend } from './harness';

const backend = serveMockBackend();

async function fillForm(user: ReturnType<typeof renderSignUp>['user'], emailAddress: string) {
  await user.type(await screen.findByLabelText('Email address'), emailAddress);
  await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
}

describe('<SignUp/>: legal consent', () => {
  it('is not asked for without terms or privacy URLs', async () => {
    renderSignUp(backend.url);
    await screen.findByLabelText('Email address');
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('is required before Continue when termsPageUrl is set, with a field error', async () => {
    const { user } = renderSignUp(backend.url, {
      appearance: { layout: { termsPageUrl: 'https://example.com/terms', privacyPageUrl: '/privacy' } },
    });
    await fillForm(user, 'alan@example.com');
    const consent = screen.getByRole('checkbox', { name: /I agree to the Terms of Service/ });
    expect(consent.getAttribute('aria-required')).toBe('true');
    const label = consent.closest('.latch-formField')!;
    const terms = within(label as HTMLElement).getByRole('link', { name: /Terms of Service/ });
    expect(terms.getAttribute('href')).toBe('https://example.com/terms');
    expect(terms.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(label as HTMLElement).getByRole('link', { name: /Privacy Policy/ }).getAttribute('href')).toBe('/privacy');

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('Accept the terms to continue.');
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    expect(consent.getAttribute('aria-describedby')).toBe(error.id);
    expect(document.activeElement).toBe(consent);
    expect(backend.outbox).toHaveLength(0);

    await user.click(consent);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
  });

  it('names only the privacy policy when only privacyPageUrl is set', async () => {
    renderSignUp(backend.url, { appearance: { layout: { privacyPageUrl: '/privacy' } } });
    const consent = await screen.findByRole('checkbox');
    expect(consent.closest('.latch-formField')!.textContent).toBe('I agree to the Privacy Policy (opens in a new tab)');
  });

  it('places the links where a translation puts them, rendering the text as text', async () => {
    renderSignUp(
      backend.url,
      { appearance: { layout: { termsPageUrl: '/terms' } } },
      { localization: { signUp: { legal: { termsOnly: '<b>Ich</b> akzeptiere die {{termsLink}}.', terms: 'AGB' } } } },
    );
    const consent = await screen.findByRole('checkbox');
    const field = consent.closest('.latch-formField')!;
    expect(field.textContent).toBe('<b>Ich</b> akzeptiere die AGB (opens in a new tab).');
    expect(field.querySelector('b')).toBeNull();
  });
});
