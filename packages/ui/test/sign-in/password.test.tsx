// @vitest-environment jsdom
import { describe, expect, it, onTestFinished } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { createMockBackend } from '@latch/mock';
import { ada, enterIdentifier, heading, renderSignIn, serveMockBackend } from './harness';

const { backend, server } = serveMockBackend();

/** URLs of the sign-in attempts created from here on (listening ends with the test). */
function countSignInCreates(): string[] {
  const creates: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/sign_ins')) creates.push(request.url);
  };
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return creates;
}

describe('<SignIn/> with a password', () => {
  it('signs in: identifier, then password, each step announced by focusing its heading', async () => {
    const { user, container } = renderSignIn(backend.url);
    const start = await heading('Sign in');
    // The page's first step keeps the browser's focus; later steps take it.
    expect(document.activeElement).not.toBe(start);
    expect(screen.getByText('to continue to Latch')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe('/sign-up');
    const identifier = screen.getByLabelText('Email address');
    expect(identifier.getAttribute('autocomplete')).toBe('username');
    expect(identifier.getAttribute('type')).toBe('email');

    await enterIdentifier(user, ada.emailAddress);
    const title = await heading('Enter your password');
    expect(document.activeElement).toBe(title);
    // The identity preview names the account and leads back to the start.
    expect(container.querySelector('.latch-identityPreviewText')?.textContent).toBe(ada.emailAddress);
    const edit = screen.getByRole('button', { name: 'Edit' });
    expect(document.getElementById(edit.getAttribute('aria-describedby')!)?.textContent).toBe(ada.emailAddress);
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password');

    await user.type(screen.getByLabelText('Password'), ada.password);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Signed in as Ada');
  });

  it('shows a wrong password beside the field, tied to it and announced', async () => {
    const { user } = renderSignIn(backend.url);
    await enterIdentifier(user, ada.emailAddress);
    await heading('Enter your password');
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Password is incorrect. Try again, or use another method.');
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    expect(alert.className).toContain('latch-formFieldError');
  });

  it('with enumeration protection (the default), an unknown account gets the password step, then "Password is incorrect"', async () => {
    const { user, container } = renderSignIn(backend.url);
    await enterIdentifier(user, 'nobody@example.com');
    await heading('Enter your password');
    expect(container.querySelector('.latch-identityPreviewText')?.textContent).toBe('nobody@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever-it-is');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Password is incorrect. Try again, or use another method.');
  });

  it('with enumeration protection off, shows an unknown account beside the identifier, and a missing one without asking the server', async () => {
    const open = createMockBackend({ url: 'https://open.mock', users: [ada], settings: { enumerationProtection: false } });
    server.use(...open.handlers);
    const { user } = renderSignIn(open.url);
    await heading('Sign in');
    const creates = countSignInCreates();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This field is required.');
    expect(creates).toHaveLength(0);

    await enterIdentifier(user, 'nobody@example.com');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('We could not find an account with that email address or username.'),
    );
    const input = screen.getByLabelText('Email address');
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
  });

  it('puts failures that belong to no field in an alert', async () => {
    const { user } = renderSignIn(backend.url);
    await heading('Sign in');
    backend.scenario('network-error');
    await enterIdentifier(user, ada.emailAddress);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('We could not reach the server. Check your connection and try again.');
    expect(alert.className).toContain('latch-alert');
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows Continue loading and sends one request however often it is pressed', async () => {
    const { user } = renderSignIn(backend.url);
    await heading('Sign in');
    const creates = countSignInCreates();
    // Hold the request a moment, so the test sees the button while it is out.
    server.use(http.post(`${backend.url}/v1/client/sign_ins`, () => delay(200).then(() => undefined)));
    await user.type(screen.getByLabelText('Email address'), ada.emailAddress);
    const button = screen.getByRole('button', { name: 'Continue' });
    await user.click(button);
    // While the request is out the button is busy and disabled; Enter in the field does nothing more.
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.hasAttribute('data-loading')).toBe(true);
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(within(button).getByText('Loading')).toBeTruthy();
    await user.type(screen.getByLabelText('Email address'), '{Enter}');
    await heading('Enter your password');
    expect(creates).toHaveLength(1);
  });

  it('goes back to the start with "Edit", keeping what was typed', async () => {
    const { user } = renderSignIn(backend.url, { initialValues: { identifier: ada.emailAddress } });
    expect(((await screen.findByLabelText('Email address')) as HTMLInputElement).value).toBe(ada.emailAddress);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Enter your password');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const start = await heading('Sign in');
    expect(document.activeElement).toBe(start);
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe(ada.emailAddress);
  });
});
