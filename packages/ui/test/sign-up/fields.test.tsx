// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ada, renderSignUp, serveMockBackend } from './harness';

const backend = serveMockBackend({
  users: [ada, { emailAddress: 'grace@example.com', password: 'cobol-compiler-1959', username: 'grace' }],
  settings: {
    identifiers: { username: true },
    signUp: { fields: { username: 'required', lastName: 'off', firstName: 'optional' } },
  },
});

/** The "Optional" marker sits in the field's label row, outside the <label>, so the input's name stays "First name". */
function isMarkedOptional(input: HTMLElement): boolean {
  return input.closest('.latch-formField')?.querySelector('.latch-formFieldLabelRow')?.textContent?.includes('Optional') ?? false;
}

describe('<SignUp/>: fields from the environment', () => {
  it('shows required fields as required, optional ones marked "Optional", and none that are off', async () => {
    renderSignUp(backend.url);
    const username = await screen.findByLabelText('Username');
    expect(username.getAttribute('aria-required')).toBe('true');
    expect(isMarkedOptional(username)).toBe(false);

    const firstName = screen.getByLabelText('First name');
    expect(firstName.getAttribute('aria-required')).toBeNull();
    expect(isMarkedOptional(firstName)).toBe(true);
    expect(firstName.getAttribute('autocomplete')).toBe('given-name');

    expect(screen.queryByLabelText('Last name')).toBeNull();
    expect(screen.getByLabelText('Email address').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('new-password');
  });

  it('hides optional fields when layout.showOptionalFields is false', async () => {
    renderSignUp(backend.url, { appearance: { layout: { showOptionalFields: false } } });
    await screen.findByLabelText('Username');
    expect(screen.queryByLabelText('First name')).toBeNull();
  });

  it('says which required fields are empty, next to each, announced, focusing the first', async () => {
    const { user } = renderSignUp(backend.url);
    await screen.findByLabelText('Username');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toEqual(['This field is required.', 'This field is required.', 'This field is required.']);
    const username = screen.getByLabelText('Username');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(username.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(described?.textContent).toBe('This field is required.');
    expect(document.activeElement).toBe(username);
    // The optional name is not an error.
    expect(screen.getByLabelText('First name').getAttribute('aria-invalid')).toBeNull();
    expect(backend.outbox).toHaveLength(0);

    // Typing into a field clears its error.
    await user.type(username, 'alan');
    expect(username.getAttribute('aria-invalid')).toBeNull();
  });

  it('checks the email shape before asking the server', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Username'), 'alan');
    await user.type(screen.getByLabelText('Email address'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a valid email address.');
    expect(document.activeElement).toBe(screen.getByLabelText('Email address'));
  });

  it('sends the fields it shows and signs up with a username', async () => {
    const { user } = renderSignUp(backend.url, { initialValues: { username: 'alan', firstName: 'Alan' } });
    expect((await screen.findByLabelText<HTMLInputElement>('Username')).value).toBe('alan');
    expect(screen.getByLabelText<HTMLInputElement>('First name').value).toBe('Alan');
    await user.type(screen.getByLabelText('Email address'), 'alan@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Verification code'), backend.latestCode('alan@example.com')!);
    await screen.findByText('Signed in');
  });

  it('shows a taken username next to the username field', async () => {
    const { user } = renderSignUp(backend.url);
    await user.type(await screen.findByLabelText('Username'), 'grace');
    await user.type(screen.getByLabelText('Email address'), 'grace2@example.com');
    await user.type(screen.getByLabelText('Password'), 'enigma-bombe-1939');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('That username is already taken.');
    const username = screen.getByLabelText('Username');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(username);
  });
});
