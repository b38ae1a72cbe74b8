// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ada, renderSignUp, serveMockBackend } from './harness';

const backend = serveMockBackend({ settings: { passwordPolicy: { minLength: 10, maxLength: 24 } } });

/** The hint list that describes the password input. */
function passwordHints() {
  const input = screen.getByLabelText('Password');
  const hintId = input.getAttribute('aria-describedby')!.split(' ')[0]!;
  return within(document.getElementById(hintId)!);
}

describe('<SignUp/>: password policy hints', () => {
  it('describe the password input and follow what is typed', async () => {
    const { user } = renderSignUp(backend.url);
    const password = await screen.findByLabelText('Password');
    const hints = passwordHints();
    expect(hints.getByRole('list').getAttribute('aria-live')).toBe('polite');
    const items = () => hints.getAllByRole('listitem').map((item) => item.textContent);
    expect(items()).toEqual([
      'Not met: Have at least 10 characters',
      'Met: Have at most 24 characters',
      'Not be a commonly used password',
    ]);

    await user.type(password, 'turing-1936');
    expect(items()).toEqual([
      'Met: Have at least 10 characters',
      'Met: Have at most 24 characters',
      'Not be a commonly used password',
    ]);
    expect(hints.getAllByRole('listitem')[0]!.hasAttribute('data-active')).toBe(true);

    await user.type(password, '-machine-and-more');
    expect(items()[1]).toBe('Not met: Have at most 24 characters');
  });

  it('count characters as the server does (code points, not UTF-16 units)', async () => {
    const { user } = renderSignUp(backend.url);
    // Nine emoji are eighteen UTF-16 units but nine characters: still too short.
    await user.type(await screen.findByLabelText('Password'), '🔐🔐🔐🔐🔐🔐🔐🔐🔐');
    expect(passwordHints().getAllByRole('listitem')[0]!.textContent).toBe('Not met: Have at least 10 characters');
  });

  it('keep a too-short password from being sent, with the error on the field', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your password is too short.');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(backend.outbox).toHaveLength(0);
  });

  it('put the error right under the input, above the list of rules', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'alan@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const input = screen.getByLabelText('Password');
    const error = await screen.findByRole('alert');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    // Input (with its show/hide toggle), then its error, then the rules: what is wrong is seen next to the field.
    const rules = passwordHints().getByRole('list');
    expect(error.compareDocumentPosition(rules) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(input.closest('.latch-formField')!.querySelector('.latch-formFieldInputGroup')!.nextElementSibling).toBe(error);
  });
});

describe('<SignUp/>: errors from the server, next to their fields', () => {
  it('a common password shows on the password field, announced', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This password is too common. Choose a different one.');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Verify your email' })).toBeNull();
  });

  it('an email that is taken shows on the email field', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), ada.emailAddress);
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('That email address is already taken.');
    const email = screen.getByLabelText('Email address');
    expect(email.getAttribute('aria-describedby')).toContain(alert.id);
    expect(document.activeElement).toBe(email);
  });

  it('a failure with no field (the network) shows in an alert above the form', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Email address'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1');
    backend.scenario('network-error');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'We could not reach the server. Check your connection and try again.',
    );
    backend.scenario(null);
  });
});
