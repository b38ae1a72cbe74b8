// @vitest-environment jsdom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { StrictMode } from 'react';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import {
  LatchClient,
  LatchProvider,
  SignedIn,
  useAuth,
  useLatch,
  useLatchUIOptions,
  useSession,
  useSessionList,
  useSignIn,
  useSignUp,
  useUser,
  type LatchProviderProps,
} from '@latch/react';
import { serveMockBackend } from './harness';

const { backend } = serveMockBackend();

afterEach(() => vi.restoreAllMocks());

/** React reports render errors on the console as well as throwing them; keep the output readable. */
function silenceConsoleErrors() {
  vi.spyOn(console, 'error').mockImplementation(() => {});
}

describe('outside <LatchProvider>', () => {
  const hooks = { useAuth, useUser, useSession, useSessionList, useSignIn, useSignUp, useLatch, useLatchUIOptions };

  for (const [name, hook] of Object.entries(hooks)) {
    it(`${name} throws an error that names it and the fix`, () => {
      silenceConsoleErrors();
      expect(() => renderHook(() => hook())).toThrow(`${name} must be used within <LatchProvider>. Wrap your app`);
    });
  }

  it('control components name themselves', () => {
    silenceConsoleErrors();
    expect(() => render(<SignedIn>hi</SignedIn>)).toThrow('<SignedIn> must be used within <LatchProvider>');
  });

  it('a production build still names the culprit, without the how-to (which only development builds carry)', () => {
    silenceConsoleErrors();
    vi.stubEnv('NODE_ENV', 'production');
    onTestFinished(() => void vi.unstubAllEnvs());
    expect(() => renderHook(() => useAuth())).toThrow('useAuth outside <LatchProvider>');
    expect(() => render(<LatchProvider {...({} as LatchProviderProps)} />)).toThrow('<LatchProvider> needs one of `frontendApi` or `client`');
  });
});

describe('<LatchProvider> props', () => {
  it('needs frontendApi or client', () => {
    silenceConsoleErrors();
    const noSource = {} as LatchProviderProps;
    expect(() => render(<LatchProvider {...noSource} />)).toThrow(/needs `frontendApi` .* or a `client`/);
  });

  it('refuses both frontendApi and client', () => {
    silenceConsoleErrors();
    const client = new LatchClient({ frontendApi: backend.url });
    const both = { frontendApi: backend.url, client } as unknown as LatchProviderProps;
    expect(() => render(<LatchProvider {...both} />)).toThrow('takes either `frontendApi` or `client`, not both');
  });

  it('gives useLatch the client it was given, and loads it', async () => {
    const client = new LatchClient({ frontendApi: backend.url });
    onTestFinished(() => client.destroy());
    const { result } = renderHook(() => useLatch(), {
      wrapper: ({ children }) => <LatchProvider client={client}>{children}</LatchProvider>,
    });
    expect(result.current).toBe(client);
    await waitFor(() => expect(client.getState().isLoaded).toBe(true));
  });

  it('carries appearance, localization and navigate for @latch/ui', () => {
    const appearance = { variables: { colorPrimary: 'rebeccapurple' } };
    const localization = { signIn: { title: 'Connexion' } };
    const navigate = (to: string) => void to;
    const { result } = renderHook(() => useLatchUIOptions(), {
      wrapper: ({ children }) => (
        <LatchProvider frontendApi={backend.url} appearance={appearance} localization={localization} navigate={navigate}>
          {children}
        </LatchProvider>
      ),
    });
    expect(result.current.appearance).toBe(appearance);
    expect(result.current.localization).toBe(localization);
    expect(result.current.navigate).toBe(navigate);
  });
});

describe('client lifecycle', () => {
  it('destroys the client it created on unmount, not during the StrictMode rehearsal', async () => {
    const destroy = vi.spyOn(LatchClient.prototype, 'destroy');
    const load = vi.spyOn(LatchClient.prototype, 'load');
    function Status() {
      return <p>{useAuth().isLoaded ? 'loaded' : 'loading'}</p>;
    }
    // StrictMode at the root, where React rehearses unmounting: effects run setup, cleanup, setup.
    const { unmount } = render(
      <StrictMode>
        <LatchProvider frontendApi={backend.url}>
          <Status />
        </LatchProvider>
      </StrictMode>,
    );
    await screen.findByText('loaded');
    expect(load).toHaveBeenCalledTimes(2);
    expect(destroy).not.toHaveBeenCalled();

    unmount();
    await Promise.resolve();
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('never destroys a client the app passed in', async () => {
    const client = new LatchClient({ frontendApi: backend.url });
    onTestFinished(() => client.destroy());
    const destroy = vi.spyOn(client, 'destroy');
    const { unmount } = render(<LatchProvider client={client}>x</LatchProvider>);
    unmount();
    await Promise.resolve();
    expect(destroy).not.toHaveBeenCalled();
  });

  it('reports a failed load on the console and stays loading', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    backend.scenario('network-error');
    onTestFinished(() => backend.scenario(null));
    const { result } = renderHook(() => useAuth(), {
      wrapper: ({ children }) => <LatchProvider frontendApi={backend.url}>{children}</LatchProvider>,
    });
    await waitFor(() => expect(consoleError).toHaveBeenCalledWith('[@latch/react] The Latch client failed to load.', expect.any(Error)));
    expect(result.current.isLoaded).toBe(false);
  });
});

describe('the loading rule', () => {
  function AuthState() {
    const auth = useAuth();
    return <p>{`isLoaded=${auth.isLoaded} isSignedIn=${auth.isSignedIn} userId=${auth.userId}`}</p>;
  }

  it('without initialState, reports isSignedIn undefined until the client loads', async () => {
    render(
      <LatchProvider frontendApi={backend.url}>
        <AuthState />
      </LatchProvider>,
    );
    expect(screen.getByText('isLoaded=false isSignedIn=undefined userId=undefined')).toBeTruthy();
    expect(await screen.findByText('isLoaded=true isSignedIn=false userId=null')).toBeTruthy();
  });

  it('with initialState, reports it before the load, then follows the server', async () => {
    // The server rendered for a session this browser's client no longer has: the load corrects it.
    render(
      <LatchProvider frontendApi={backend.url} initialState={{ userId: 'user_1', sessionId: 'sess_1' }}>
        <AuthState />
      </LatchProvider>,
    );
    expect(screen.getByText('isLoaded=true isSignedIn=true userId=user_1')).toBeTruthy();
    expect(await screen.findByText('isLoaded=true isSignedIn=false userId=null')).toBeTruthy();
  });

  it('gives useSignIn, useSignUp and useSessionList usable values before the load, with isLoaded false', async () => {
    const { result } = renderHook(() => ({ signIn: useSignIn(), signUp: useSignUp(), list: useSessionList() }), {
      wrapper: ({ children }) => (
        <LatchProvider frontendApi={backend.url} initialState={{ userId: null, sessionId: null }}>
          {children}
        </LatchProvider>
      ),
    });
    // initialState settles auth, not the client: these follow the client's own load.
    expect(result.current.signIn.isLoaded).toBe(false);
    expect(result.current.signIn.signIn.status).toBe('needs_identifier');
    expect(result.current.signUp.isLoaded).toBe(false);
    expect(result.current.signUp.signUp.status).toBeNull();
    expect(result.current.list).toMatchObject({ isLoaded: false, sessions: [] });
    expect(typeof result.current.list.setActive).toBe('function');

    await waitFor(() => expect(result.current.signIn.isLoaded).toBe(true));
    expect(result.current.signUp.isLoaded).toBe(true);
    expect(result.current.list.isLoaded).toBe(true);
  });

  it('with initialState, useUser waits for the user unless initialState carries it', async () => {
    const { result } = renderHook(() => useUser(), {
      wrapper: ({ children }) => (
        <LatchProvider frontendApi={backend.url} initialState={{ userId: 'user_1', sessionId: 'sess_1' }}>
          {children}
        </LatchProvider>
      ),
    });
    expect(result.current).toEqual({ isLoaded: false, isSignedIn: undefined, user: undefined });
    await waitFor(() => expect(result.current.isLoaded).toBe(true));
    expect(result.current).toEqual({ isLoaded: true, isSignedIn: false, user: null });
  });
});
