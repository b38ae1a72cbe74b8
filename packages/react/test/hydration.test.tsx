// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { act, screen, waitFor } from '@testing-library/react';
import { LatchClient, LatchLoading, LatchProvider, SignedIn, SignedOut, useAuth, type LatchInitialState } from '@latch/react';
import { ada, serveMockBackend } from './harness';

const { backend } = serveMockBackend();

function Page() {
  const { userId } = useAuth();
  return (
    <main>
      <LatchLoading>
        <p>Loading…</p>
      </LatchLoading>
      <SignedIn>
        <p>{`Signed in as ${userId}`}</p>
      </SignedIn>
      <SignedOut>
        <p>Signed out</p>
      </SignedOut>
    </main>
  );
}

/** Renders on the "server", then hydrates that HTML in the page, as a framework would. */
async function serverRenderThenHydrate(initialState: LatchInitialState | undefined) {
  const app = (
    <LatchProvider frontendApi={backend.url} initialState={initialState}>
      <Page />
    </LatchProvider>
  );
  const container = document.createElement('div');
  container.innerHTML = renderToString(app);
  document.body.appendChild(container);
  const serverHtml = container.innerHTML;
  const onRecoverableError = vi.fn();
  const root = await act(async () => hydrateRoot(container, app, { onRecoverableError }));
  const unmount = async () => {
    await act(() => root.unmount());
    container.remove();
  };
  return { serverHtml, onRecoverableError, unmount };
}

describe('hydration', () => {
  it('hydrates server HTML without a mismatch, then follows the client', async () => {
    const page = await serverRenderThenHydrate({ userId: 'user_from_server', sessionId: 'sess_from_server' });
    expect(page.serverHtml).toContain('Signed in as user_from_server');

    // This browser has no session: once loaded, the client's answer replaces the server's.
    expect(await screen.findByText('Signed out')).toBeTruthy();
    expect(page.onRecoverableError).not.toHaveBeenCalled();
    await page.unmount();
  });

  it('hydrates the loading state without initialState', async () => {
    const page = await serverRenderThenHydrate(undefined);
    expect(page.serverHtml).toContain('Loading…');
    expect(page.serverHtml).not.toContain('Signed');

    expect(await screen.findByText('Signed out')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(page.onRecoverableError).not.toHaveBeenCalled();
    await page.unmount();
  });

  it('keeps a signed-in user signed in across the load', async () => {
    // Sign in on this browser first, so the stored client token belongs to Ada.
    const client = new LatchClient({ frontendApi: backend.url });
    await client.signIn.create({ identifier: ada.emailAddress, password: ada.password });
    const { userId, sessionId } = { userId: client.user!.id, sessionId: client.session!.id };
    client.destroy();

    const page = await serverRenderThenHydrate({ userId, sessionId });
    expect(page.serverHtml).toContain(`Signed in as ${userId}`);
    await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
    expect(screen.getByText(`Signed in as ${userId}`)).toBeTruthy();
    expect(screen.queryByText('Signed out')).toBeNull();
    expect(page.onRecoverableError).not.toHaveBeenCalled();
    await page.unmount();
  });
});
