// @vitest-environment jsdom
import { describe, expect, it, onTestFinished } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { LatchClient, LatchProvider, useAuth, useSession, useUser } from '@latch/react';
import { ada, serveMockBackend } from './harness';

const { backend } = serveMockBackend();

describe('selector isolation', () => {
  it('re-renders a useUser consumer on a profile change, but not a useAuth consumer', async () => {
    const renders = { auth: 0, user: 0, session: 0 };
    function AuthConsumer() {
      const { userId } = useAuth();
      renders.auth += 1;
      return <p>auth: {userId ? 'signed in' : 'signed out'}</p>;
    }
    function UserConsumer() {
      const { user } = useUser();
      renders.user += 1;
      return <p>first name: {user?.firstName ?? 'none'}</p>;
    }
    function SessionConsumer() {
      const { session } = useSession();
      renders.session += 1;
      return <p>session user: {session?.user.firstName ?? 'none'}</p>;
    }

    const client = new LatchClient({ frontendApi: backend.url });
    onTestFinished(() => client.destroy());
    render(
      <LatchProvider client={client}>
        <AuthConsumer />
        <UserConsumer />
        <SessionConsumer />
      </LatchProvider>,
    );
    await act(() => client.load());
    await act(() => client.signIn.create({ identifier: ada.emailAddress, password: ada.password }));
    await screen.findByText('first name: Ada');
    expect(screen.getByText('auth: signed in')).toBeTruthy();

    const before = { ...renders };
    await act(() => client.user!.update({ firstName: 'Augusta' }));

    expect(screen.getByText('first name: Augusta')).toBeTruthy();
    expect(renders.user).toBeGreaterThan(before.user);
    // The session carries the user, so it changed too.
    expect(screen.getByText('session user: Augusta')).toBeTruthy();
    expect(renders.session).toBeGreaterThan(before.session);
    // Same user id, same session id: nothing useAuth reads changed.
    expect(renders.auth).toBe(before.auth);
  });

  it('does not re-render a useUser consumer when only the session changes', async () => {
    let renders = 0;
    function UserConsumer() {
      const { user } = useUser();
      renders += 1;
      return <p>first name: {user?.firstName ?? 'none'}</p>;
    }
    const client = new LatchClient({ frontendApi: backend.url });
    onTestFinished(() => client.destroy());
    render(
      <LatchProvider client={client}>
        <UserConsumer />
      </LatchProvider>,
    );
    await act(() => client.signIn.create({ identifier: ada.emailAddress, password: ada.password }));
    await screen.findByText('first name: Ada');

    const before = { renders, state: client.getState(), user: client.user };
    await new Promise((resolve) => setTimeout(resolve, 5)); // so lastActiveAt moves
    // Touching the active session bumps its lastActiveAt: a new state and Session, the same User.
    await act(() => client.setActive({ session: client.session! }));
    expect(client.getState()).not.toBe(before.state);
    expect(client.user).toBe(before.user);
    expect(renders).toBe(before.renders);
  });
});
