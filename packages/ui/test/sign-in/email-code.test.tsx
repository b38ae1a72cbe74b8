// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend } from './harness';

const { backend } = serveMockBackend();

afterEach(() => vi.useRealTimers());

describe('<SignIn/> with an email code', () => {
  it('signs in with the code from the email ("Use another method")', async () => {
    const { user } = renderSignIn(backend.url);
    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    await user.click(screen.getByRole('button', { name: 'Use another method' }));

    const title = await heading('Check your email');
    expect(document.activeElement).toBe(title);
    expect(backend.outbox.at(-1)?.kind).toBe('sign_in_code');
    // One input for the code, named "Verification code", that autofill fills from the email.
    const input = screen.getByLabelText('Verification code');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(screen.getAllByRole('textbox')).toHaveLength(1);

    // The sixth digit submits: no button to press.
    await user.type(input, backend.latestCode(ada.emailAddress)!);
    await screen.findByText('Signed in as Ada');
  });

  it('shows a short code and a wrong code beside the field', async () => {
    const { user } = renderSignIn(backend.url);
    await enterIdentifier(user, ada.emailAddress);
    await user.click(await screen.findByRole('button', { name: 'Use another method' }));
    await heading('Check your email');
    const input = screen.getByLabelText('Verification code');

    await user.type(input, '123');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the 6-digit code.');

    const wrong = backend.latestCode(ada.emailAddress) === '000000' ? '111111' : '000000';
    await user.clear(input);
    await user.type(input, wrong);
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The code is incorrect.'));
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers a resend after a 30 second countdown, and announces the new code', async () => {
    // Only the clock and the countdown's interval are fake; requests and typing run for real.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { user } = renderSignIn(backend.url);
    await enterIdentifier(user, ada.emailAddress);
    await user.click(await screen.findByRole('button', { name: 'Use another method' }));
    await heading('Check your email');
    const sent = backend.outbox.length;

    const waiting = screen.getByRole('button', { name: 'Resend code in 30 s' });
    expect(waiting.getAttribute('aria-disabled')).toBe('true');
    await user.click(waiting);
    expect(backend.outbox).toHaveLength(sent);

    await act(async () => vi.advanceTimersByTime(12_000));
    expect(screen.getByRole('button', { name: 'Resend code in 18 s' })).toBeTruthy();
    await act(async () => vi.advanceTimersByTime(18_000));
    const resend = screen.getByRole('button', { name: 'Resend code' });
    expect(resend.getAttribute('aria-disabled')).toBeNull();

    await user.click(resend);
    expect((await screen.findByRole('status')).textContent).toBe('We sent you a new code.');
    expect(backend.outbox).toHaveLength(sent + 1);
    // The button kept focus and waits again.
    const again = screen.getByRole('button', { name: 'Resend code in 30 s' });
    expect(document.activeElement).toBe(again);

    await user.type(screen.getByLabelText('Verification code'), backend.latestCode(ada.emailAddress)!);
    await screen.findByText('Signed in as Ada');
  });
});
