// @vitest-environment jsdom
import { describe, expect, it, onTestFinished } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  LatchClient,
  LatchLoaded,
  LatchLoading,
  LatchProvider,
  Protect,
  SignedIn,
  SignedOut,
  useAuth,
  useSignIn,
} from '@latch/react';
import { ada, serveMockBackend } from './harness';

const { backend } = serveMockBackend();

function newClient() {
  const client = new LatchClient({ frontendApi: backend.url });
  onTestFinished(() => client.destroy());
  return client;
}

function AuthButtons() {
  const { signIn } = useSignIn();
  const { signOut } = useAuth();
  return (
    <>
      <button onClick={() => signIn.create({ identifier: ada.emailAddress, password: ada.password })}>Sign in as Ada</button>
      <button onClick={() => signOut()}>Sign out</button>
    </>
  );
}

function Page({ client, ownerId }: { client: LatchClient; ownerId: string }) {
  return (
    <LatchProvider client={client}>
      <LatchLoading>
        <p>Loading Latch…</p>
      </LatchLoading>
      <LatchLoaded>
        <p>Latch is ready</p>
      </LatchLoaded>
      <SignedIn>
        <p>Members area</p>
      </SignedIn>
      <SignedOut>
        <p>Please sign in</p>
      </SignedOut>
      <Protect fallback={<p>Members only</p>}>
        <p>Protected content</p>
      </Protect>
      <Protect condition={(auth) => auth.userId === ownerId} fallback={<p>Only the owner may see this</p>}>
        <p>Owner content</p>
      </Protect>
      <AuthButtons />
    </LatchProvider>
  );
}

const shown = (text: string) => screen.queryByText(text) !== null;

describe('control components', () => {
  it('show LatchLoading, and no auth branch at all, until the client has loaded; then LatchLoaded', async () => {
    render(<Page client={newClient()} ownerId="user_nobody" />);

    expect(shown('Loading Latch…')).toBe(true);
    expect(shown('Latch is ready')).toBe(false);
    for (const text of ['Members area', 'Please sign in', 'Protected content', 'Members only', 'Only the owner may see this']) {
      expect(shown(text), text).toBe(false);
    }

    await screen.findByText('Latch is ready');
    expect(shown('Loading Latch…')).toBe(false);
    expect(shown('Please sign in')).toBe(true);
    expect(shown('Members only')).toBe(true);
  });

  it('switch SignedIn, SignedOut and Protect on sign-in and sign-out', async () => {
    const user = userEvent.setup();
    const client = newClient();
    const { rerender } = render(<Page client={client} ownerId="user_nobody" />);
    await screen.findByText('Please sign in');
    expect(shown('Members area')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Sign in as Ada' }));
    await screen.findByText('Members area');
    expect(shown('Please sign in')).toBe(false);
    expect(shown('Protected content')).toBe(true);
    expect(shown('Members only')).toBe(false);
    // Signed in, but not as the owner: the condition decides.
    expect(shown('Only the owner may see this')).toBe(true);
    expect(shown('Owner content')).toBe(false);

    rerender(<Page client={client} ownerId={client.user!.id} />);
    expect(shown('Owner content')).toBe(true);
    expect(shown('Only the owner may see this')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByText('Please sign in');
    expect(shown('Members area')).toBe(false);
    expect(shown('Protected content')).toBe(false);
    expect(shown('Members only')).toBe(true);
    expect(shown('Owner content')).toBe(false);
    expect(shown('Only the owner may see this')).toBe(true);
  });
});
