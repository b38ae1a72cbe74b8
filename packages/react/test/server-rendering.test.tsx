// No jsdom: this file runs as a server would, in plain Node.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { setupServer } from 'msw/node';
import type { SessionJSON, UserJSON } from '@latch/protocol';
import { createMockBackend } from '@latch/mock';
import {
  LatchLoaded,
  LatchLoading,
  LatchProvider,
  Protect,
  SignedIn,
  SignedOut,
  useAuth,
  useSession,
  useUser,
  type LatchInitialState,
} from '@latch/react';

const backend = createMockBackend();
const server = setupServer(...backend.handlers);
let requests: string[] = [];
server.events.on('request:start', ({ request }) => void requests.push(`${request.method} ${request.url}`));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  requests = [];
});
afterAll(() => server.close());

const userJSON: UserJSON = {
  id: 'user_ada',
  firstName: 'Ada',
  lastName: 'Lovelace',
  username: null,
  primaryEmailAddressId: 'email_ada',
  emailAddresses: [
    { id: 'email_ada', emailAddress: 'ada@example.com', verification: { status: 'verified', strategy: 'email_code', attempts: 1, expireAt: null } },
  ],
  imageUrl: null,
  passwordEnabled: true,
  totpEnabled: false,
  backupCodeEnabled: false,
  twoFactorEnabled: false,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  lastSignInAt: 1_700_000_000_000,
};
const sessionJSON: SessionJSON = {
  id: 'sess_ada',
  status: 'active',
  user: userJSON,
  createdAt: 1_700_000_000_000,
  lastActiveAt: 1_700_000_000_000,
  expireAt: 1_700_604_800_000,
  abandonAt: 1_702_592_000_000,
};

function Page() {
  const { isLoaded, isSignedIn, userId } = useAuth();
  const { user } = useUser();
  const { session } = useSession();
  return (
    <main>
      <p>{`auth: isLoaded=${isLoaded} isSignedIn=${isSignedIn} userId=${userId}`}</p>
      <p>{`profile: ${user ? user.fullName : 'unknown'}; session: ${session ? session.id : 'unknown'}`}</p>
      <LatchLoading>[loading]</LatchLoading>
      <LatchLoaded>[loaded]</LatchLoaded>
      <SignedIn>[signed-in content]</SignedIn>
      <SignedOut>[signed-out content]</SignedOut>
      <Protect fallback="[protect fallback]">[protected content]</Protect>
    </main>
  );
}

function renderPage(initialState?: LatchInitialState) {
  return renderToString(
    <LatchProvider frontendApi={backend.url} initialState={initialState}>
      <Page />
    </LatchProvider>,
  );
}

/** Lets any request the render might have started reach MSW before we count. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('server rendering with renderToString', () => {
  it('with a signed-in initialState, renders the signed-in content on first paint', async () => {
    const html = renderPage({ userId: 'user_ada', sessionId: 'sess_ada' });

    expect(html).toContain('auth: isLoaded=true isSignedIn=true userId=user_ada');
    expect(html).toContain('[signed-in content]');
    expect(html).toContain('[protected content]');
    expect(html).not.toContain('[signed-out content]');
    expect(html).not.toContain('[protect fallback]');
    // Ids alone do not make a User object: the profile waits for the client.
    expect(html).toContain('profile: unknown; session: unknown');
    // initialState is the server's word on auth, not a loaded client.
    expect(html).toContain('[loading]');
    expect(html).not.toContain('[loaded]');
    await settle();
    expect(requests).toEqual([]);
  });

  it('with the user and session JSON in initialState, renders the profile too', async () => {
    const html = renderPage({ userId: 'user_ada', sessionId: 'sess_ada', user: userJSON, session: sessionJSON });

    expect(html).toContain('profile: Ada Lovelace; session: sess_ada');
    expect(html).toContain('[signed-in content]');
    await settle();
    expect(requests).toEqual([]);
  });

  it('with a signed-out initialState, renders the signed-out content', async () => {
    const html = renderPage({ userId: null, sessionId: null });

    expect(html).toContain('auth: isLoaded=true isSignedIn=false userId=null');
    expect(html).toContain('[signed-out content]');
    expect(html).toContain('[protect fallback]');
    expect(html).not.toContain('[signed-in content]');
    await settle();
    expect(requests).toEqual([]);
  });

  it('without initialState, renders the loading state and neither auth branch', async () => {
    const html = renderPage();

    expect(html).toContain('auth: isLoaded=false isSignedIn=undefined userId=undefined');
    expect(html).toContain('[loading]');
    expect(html).not.toContain('[loaded]');
    expect(html).not.toContain('[signed-in content]');
    expect(html).not.toContain('[signed-out content]');
    expect(html).not.toContain('[protected content]');
    expect(html).not.toContain('[protect fallback]');
    await settle();
    expect(requests).toEqual([]);
  });
});
