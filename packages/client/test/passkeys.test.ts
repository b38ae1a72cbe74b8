import { browserSupportsPasskeyAutofill, browserSupportsPasskeys, type LatchClient } from '@latch/client';
import { createMockBackend } from '@latch/mock';
import type { PasskeyCreationOptionsJSON, PasskeyRequestOptionsJSON } from '@latch/protocol';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { base64Url, SoftwareAuthenticator } from '../../server/test/software-authenticator';
import { ada, apiFailure, signedInClient } from './helpers';

/*
 * The client's passkey calls against the mock (the real server core), with
 * `navigator.credentials` played by a software authenticator: what
 * @simplewebauthn/browser hands the browser is turned back into JSON for it,
 * and its answers into the objects a browser returns.
 */

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllGlobals();
});
afterAll(() => server.close());

const origin = 'https://app.test';

function backendWithPasskeys() {
  const backend = createMockBackend({ users: [ada], settings: { firstFactors: { passkey: true } }, passkeys: { rpId: 'app.test', origins: [origin] } });
  server.use(...backend.handlers);
  return backend;
}

type Behaviour = 'answer' | 'refuse' | 'wait';

/** A browser's WebAuthn, answered by `authenticator`; `behaviour` makes it refuse (NotAllowedError) or wait for an abort. */
function fakeWebAuthn(authenticator: SoftwareAuthenticator, behaviour: { current: Behaviour } = { current: 'answer' }) {
  const bytes = (buffer: ArrayBuffer | ArrayBufferView) => base64Url(new Uint8Array(ArrayBuffer.isView(buffer) ? buffer.buffer : buffer));
  const buffer = (text: string) => new Uint8Array(Buffer.from(text, 'base64url')).buffer;
  const seen: { mediation?: string }[] = [];
  const outcome = <T>(signal: AbortSignal | undefined, answer: () => T): Promise<T> => {
    if (behaviour.current === 'refuse') return Promise.reject(new DOMException('The user cancelled.', 'NotAllowedError'));
    if (behaviour.current === 'wait') return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    return Promise.resolve(answer());
  };
  const credentials = {
    create({ publicKey, signal }: { publicKey: Record<string, unknown> & { challenge: ArrayBuffer; user: { id: ArrayBuffer } }; signal?: AbortSignal }) {
      return outcome(signal, () => {
        const options = { ...publicKey, challenge: bytes(publicKey.challenge), user: { ...publicKey.user, id: bytes(publicKey.user.id) } } as unknown as PasskeyCreationOptionsJSON;
        const json = authenticator.register(options, { origin });
        return {
          id: json.id,
          rawId: buffer(json.rawId),
          type: 'public-key',
          response: { clientDataJSON: buffer(json.response.clientDataJSON), attestationObject: buffer(json.response.attestationObject), getTransports: () => ['internal'] },
          getClientExtensionResults: () => ({}),
          authenticatorAttachment: 'platform',
        };
      });
    },
    get({ publicKey, signal, mediation }: { publicKey: { challenge: ArrayBuffer; rpId?: string; allowCredentials?: { id: ArrayBuffer }[] }; signal?: AbortSignal; mediation?: string }) {
      seen.push({ mediation });
      return outcome(signal, () => {
        const options: PasskeyRequestOptionsJSON = {
          challenge: bytes(publicKey.challenge),
          rpId: publicKey.rpId,
          allowCredentials: (publicKey.allowCredentials ?? []).map((c) => ({ id: bytes(c.id), type: 'public-key' as const })),
        };
        const json = authenticator.authenticate(options, { origin });
        return {
          id: json.id,
          rawId: buffer(json.rawId),
          type: 'public-key',
          response: {
            clientDataJSON: buffer(json.response.clientDataJSON),
            authenticatorData: buffer(json.response.authenticatorData),
            signature: buffer(json.response.signature),
            userHandle: json.response.userHandle ? buffer(json.response.userHandle) : null,
          },
          getClientExtensionResults: () => ({}),
          authenticatorAttachment: 'platform',
        };
      });
    },
  };
  vi.stubGlobal('navigator', { credentials });
  vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isConditionalMediationAvailable: async () => true }));
  // Autofill looks for the field it fills.
  vi.stubGlobal('document', { querySelectorAll: () => [{}] });
  return { behaviour, seen };
}

async function adaWithPasskey(): Promise<{ client: LatchClient; authenticator: SoftwareAuthenticator }> {
  const backend = backendWithPasskeys();
  const authenticator = new SoftwareAuthenticator();
  fakeWebAuthn(authenticator);
  const client = await signedInClient(backend.url);
  await client.user!.createPasskey({ name: 'Laptop' });
  await client.signOut();
  return { client, authenticator };
}

describe('passkeys in the client', () => {
  it('says whether the browser supports passkeys and their autofill', async () => {
    expect(browserSupportsPasskeys()).toBe(false);
    expect(await browserSupportsPasskeyAutofill()).toBe(false);
    fakeWebAuthn(new SoftwareAuthenticator());
    expect(browserSupportsPasskeys()).toBe(true);
    expect(await browserSupportsPasskeyAutofill()).toBe(true);
  });

  it('adds a passkey to the user, renames it and removes it, the state following each step', async () => {
    const backend = backendWithPasskeys();
    fakeWebAuthn(new SoftwareAuthenticator());
    const client = await signedInClient(backend.url);
    const passkey = await client.user!.createPasskey({ name: 'Laptop' });
    expect(passkey).toMatchObject({ name: 'Laptop', authenticatorName: null, lastUsedAt: null });
    expect(passkey.createdAt).toBeInstanceOf(Date);
    expect(client.user!.passkeys).toEqual([passkey]);
    expect(client.user!.passkeys[0]).toBe(passkey);

    const renamed = await passkey.update({ name: 'Work laptop' });
    expect(renamed.name).toBe('Work laptop');
    expect(client.user!.passkeys[0]).toBe(renamed);

    await renamed.delete();
    expect(client.user!.passkeys).toEqual([]);
  });

  it('signs in with a discoverable passkey', async () => {
    const { client } = await adaWithPasskey();
    const signIn = await client.signIn.authenticateWithPasskey({ flow: 'discoverable' });
    expect(signIn.status).toBe('complete');
    expect(client.session?.id).toBe(signIn.createdSessionId);
    expect(client.user?.passkeys[0]?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('signs in with a passkey of the account typed in (no flow, after the identifier)', async () => {
    const { client } = await adaWithPasskey();
    await client.signIn.create({ identifier: ada.emailAddress });
    const signIn = await client.signIn.authenticateWithPasskey();
    expect(signIn.status).toBe('complete');
  });

  it('turns a cancelled prompt into passkey_not_allowed (status 0), and signs in nothing', async () => {
    const { client, authenticator } = await adaWithPasskey();
    fakeWebAuthn(authenticator, { current: 'refuse' });
    const error = await apiFailure(client.signIn.authenticateWithPasskey({ flow: 'discoverable' }));
    expect(error).toMatchObject({ status: 0, code: 'passkey_not_allowed' });
    expect(client.session).toBeNull();
  });

  it('waits in autofill until aborted, then rejects with the abort reason', async () => {
    const { client, authenticator } = await adaWithPasskey();
    const { seen } = fakeWebAuthn(authenticator, { current: 'wait' });
    const controller = new AbortController();
    const pending = client.signIn.authenticateWithPasskey({ flow: 'autofill', signal: controller.signal });
    await vi.waitFor(() => expect(seen).toEqual([{ mediation: 'conditional' }]));
    const reason = new Error('The user typed a password');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(client.session).toBeNull();
  });

  it('starts autofill again with a fresh challenge before the old one expires, and the user can still sign in', async () => {
    const { client, authenticator } = await adaWithPasskey();
    const { seen, behaviour } = fakeWebAuthn(authenticator, { current: 'wait' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = client.signIn.authenticateWithPasskey({ flow: 'autofill' });
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      // 4.5 minutes on: the prompt is replaced, with a new challenge, before the server's 5 minutes run out.
      behaviour.current = 'answer';
      vi.advanceTimersByTime(270_000);
      await expect(pending).resolves.toMatchObject({ status: 'complete' });
      expect(seen).toEqual([{ mediation: 'conditional' }, { mediation: 'conditional' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a server refusal with its code', async () => {
    const { client } = await adaWithPasskey();
    // Another authenticator's passkey for the site: unknown to this instance.
    const stranger = new SoftwareAuthenticator();
    stranger.register(
      { rp: { id: 'app.test', name: 'x' }, user: { id: 'AA', name: 'x', displayName: 'x' }, challenge: 'AA', pubKeyCredParams: [{ alg: -7, type: 'public-key' }] },
      { origin },
    );
    fakeWebAuthn(stranger);
    const error = await apiFailure(client.signIn.authenticateWithPasskey({ flow: 'discoverable' }));
    expect(error).toMatchObject({ status: 422, code: 'passkey_not_found' });
  });
});
