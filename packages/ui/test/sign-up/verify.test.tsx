// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderSignUp, serveMockBackend } from './harness';

const backend = serveMockBackend();

afterEach(() => {
  vi.useRealTimers();
});

async function reachCodeStep(user: ReturnType<typeof renderSignUp>['user'], emailAddress: string) {
  await user.type(await screen.findByLabelText('Email address'), emailAddress);
  await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Verify your email' });
}

describe('<SignUp/>: the code step', () => {
  it('shows a wrong code next to the code field, announced, and then accepts the right one', async () => {
    const { user } = renderSignUp(backend.url);
    await reachCodeStep(user, 'alan@example.com');
    const right = backend.latestCode('alan@example.com')!;
    const wrong = right === '000000' ? '111111' : '000000';

    const code = screen.getByLabelText('Verification code');
    await user.type(code, wrong);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The code is incorrect.');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toContain(alert.id);

    await user.clear(code);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(code, right);
    expect(await screen.findByText('Signed in')).toBeTruthy();
  });

  it('asks for all six digits before sending, and keeps only digits', async () => {
    const { user } = renderSignUp(backend.url);
    await reachCodeStep(user, 'kay@example.com');
    const code = screen.getByLabelText<HTMLInputElement>('Verification code');
    await user.type(code, '12a3');
    expect(code.value).toBe('123');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the 6-digit code.');
  });

  it('resends a new code once the countdown is over, and says so', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { navigate } = renderSignUp(backend.url);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await reachCodeStep(user, 'lin@example.com');
    const first = backend.latestCode('lin@example.com');

    const waiting = screen.getByRole('button', { name: /^Resend code in \d+ s$/ });
    expect(waiting.getAttribute('aria-disabled')).toBe('true');
    await user.click(waiting);
    expect(backend.outbox.filter((email) => email.to === 'lin@example.com')).toHaveLength(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(31_000);
    });
    const resend = screen.getByRole('button', { name: 'Resend code' });
    expect(resend.getAttribute('aria-disabled')).toBeNull();

    await user.click(resend);
    expect((await screen.findByRole('status')).textContent).toBe('We sent a new code to lin@example.com.');
    expect(backend.outbox.filter((email) => email.to === 'lin@example.com')).toHaveLength(2);
    const second = backend.latestCode('lin@example.com')!;
    expect(second).toMatch(/^\d{6}$/);
    // The button is waiting again; focus went to the code field, for the new code.
    expect(screen.getByRole('button', { name: /^Resend code in \d+ s$/ }).getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Verification code'));

    // The new code replaced the old one.
    const code = screen.getByLabelText('Verification code');
    if (first !== second) {
      await user.type(code, first!);
      expect((await screen.findByRole('alert')).textContent).toBe('The code is incorrect.');
      await user.clear(code);
    }
    await user.type(code, second);
    expect(await screen.findByText('Signed in')).toBeTruthy();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
  });
});
