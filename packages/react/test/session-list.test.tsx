// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LatchProvider, useLatch, useSessionList, useUser } from '@latch/react';
import { ada, grace, serveMockBackend } from './harness';
import { totpCode } from './totp';

const { backend } = serveMockBackend({ settings: { multiSession: true } });

function AccountSwitcher() {
  const { isLoaded, sessions, setActive } = useSessionList();
  const { user } = useUser();
  if (!isLoaded) return <p>Loading accounts…</p>;
  return (
    <>
      <p>Active: {user?.firstName ?? 'nobody'}</p>
      <ul aria-label="Accounts">
        {sessions.map((session) => (
          <li key={session.id}>
            <button onClick={() => setActive({ session })}>Switch to {session.user.firstName}</button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Signs both fixture users in on this one browser, Grace last. */
function SignInBoth() {
  const client = useLatch();
  const signInBoth = async () => {
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    await client.signIn.create({ identifier: grace.emailAddress, password: grace.password });
    await client.signIn.attemptSecondFactor({ strategy: 'totp', code: totpCode(grace.totpSecret) });
  };
  return <button onClick={signInBoth}>Sign in both</button>;
}

describe('useSessionList in multi-session mode', () => {
  it('lists every signed-in account and switches the active one with setActive', async () => {
    const user = userEvent.setup();
    render(
      <LatchProvider frontendApi={backend.url}>
        <AccountSwitcher />
        <SignInBoth />
      </LatchProvider>,
    );
    expect(screen.getByText('Loading accounts…')).toBeTruthy();
    await screen.findByText('Active: nobody');
    expect(within(screen.getByRole('list', { name: 'Accounts' })).queryAllByRole('button')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Sign in both' }));
    await screen.findByText('Active: Grace');
    const accounts = within(screen.getByRole('list', { name: 'Accounts' }));
    expect(accounts.getAllByRole('button').map((b) => b.textContent)).toEqual(['Switch to Ada', 'Switch to Grace']);

    await user.click(accounts.getByRole('button', { name: 'Switch to Ada' }));
    await screen.findByText('Active: Ada');

    await user.click(accounts.getByRole('button', { name: 'Switch to Grace' }));
    await screen.findByText('Active: Grace');
    expect(accounts.getAllByRole('button')).toHaveLength(2);
  });
});
