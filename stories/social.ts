import type { StoryContext } from '@storybook/react-vite';
import type { OAuthPresetId } from '@latch/protocol';
import { latchOf, type LatchStoryParameters } from '../.storybook/latch';

// Social sign-in in the catalog: the mock's fake providers, switched on per story.

/** Two providers: the 'auto' variant draws one full-width button each. */
export const twoProviders = { providers: ['google', 'github'] } satisfies LatchStoryParameters['oauth'];

/** Four: 'auto' switches to a row of icon buttons. */
export const fourProviders = { providers: ['google', 'github', 'microsoft', 'apple'] } satisfies LatchStoryParameters['oauth'];

/** The query a provider sends the browser back with, added to the page's own (the story's id stays). */
const answerParams = ['state', 'code', 'error', 'error_description', 'iss'];

/**
 * A `beforeEach` that puts a provider's answer in the page's query (the
 * sso-callback page reads it from there) and `strategy` in this tab's memory
 * of where the flow went ("Try again" goes there again), and takes both away
 * after the story, so the next one starts on a plain page.
 */
export function providerAnswer(query: Record<string, string>, strategy = 'oauth_google') {
  return () => {
    const url = new URL(window.location.href);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    window.history.replaceState(window.history.state, '', url);
    sessionStorage.setItem('latch:pending-strategy', strategy);
    return () => {
      const back = new URL(window.location.href);
      for (const name of answerParams) back.searchParams.delete(name);
      window.history.replaceState(window.history.state, '', back);
      sessionStorage.removeItem('latch:pending-strategy');
    };
  };
}

/** "Last used" on `strategy` while the story shows. */
export function lastUsed(strategy: string) {
  return () => {
    localStorage.setItem('latch:last-strategy', strategy);
    return () => localStorage.removeItem('latch:last-strategy');
  };
}

/** The callback route answering with `code` (and `status`), as the server would for that failure. */
export function callbackFails(code: string, status = 422): LatchStoryParameters['failures'] {
  return [{ route: 'POST /v1/client/oauth_callback', code, status }];
}

/** For `findBy…` on what an on-demand chunk renders: a cold dev server (or jsdom's first import) compiles it first. */
export const lazyChunk = { timeout: 15_000 };

/**
 * A `beforeEach` that connects `provider` to the story's signed-in user the
 * way the profile does (start, the fake provider's consent as `identityId`,
 * the callback), so the story opens on an account with it linked.
 */
export function connected(provider: OAuthPresetId, identityId = 'mock-octavia') {
  return async (context: Pick<StoryContext, 'loaded'>) => {
    const { client, backend } = latchOf(context);
    const redirectUrl = window.location.origin + window.location.pathname;
    const pending = await client.user!.createExternalAccount({ strategy: `oauth_${provider}`, redirectUrl });
    const query = new URL(pending.verification.externalVerificationRedirectURL!).search;
    const back = await backend.oauth!.consent({ query, decision: 'allow', identityId });
    await client.handleRedirectCallback({ url: back, navigate: () => undefined });
  };
}
