/**
 * The mock's fake provider consent page, for the offline playground, Storybook
 * and browser tests. A real provider shows its own login and consent pages;
 * the mock's providers send the browser to an app page instead (the backend's
 * `oauth.consentUrl`, default `/mock-oauth-consent` on the page's origin),
 * because an MSW service worker never sees a full-page navigation and the
 * mock's state lives in the tab. The app serves that path and mounts this
 * page there; it reads the identities the fake provider offers, lets the
 * person pick one (or type one, verified or not), and on Allow or Deny asks
 * the mock where the provider would now send the browser: the app's
 * sso-callback page, with `code` and `state` (or `error=access_denied`).
 *
 * Plain DOM, no framework: any app can mount it. Every text is set with
 * `textContent`, never parsed as HTML. It stands for a third party's page,
 * so its few words are English, like a provider's default.
 */

export interface MockConsentPageOptions {
  /** The mock backend's URL (`backend.url`, default `https://latch.mock`). */
  mockUrl?: string;
  /**
   * How to go on to the callback page. Pass the app's router (a same-tab,
   * client-side navigation): a full page load would start the in-tab mock
   * over and lose the attempt. Default: `location.assign`.
   */
  navigate?: (url: string) => void;
  /** The query the page was opened with; default `location.search`. */
  search?: string;
}

import type { ApiResponse, EnvironmentJSON } from '@latch/protocol';
import type { MockOAuthIdentity } from './oauth/identities';

interface IdentitiesAnswer {
  provider: { id: string; name?: string };
  identities: MockOAuthIdentity[];
}

/** "Ada Lovelace", else the username, else the email. */
function displayName(identity: MockOAuthIdentity): string {
  return [identity.firstName, identity.lastName].filter(Boolean).join(' ') || identity.username || identity.email || identity.id;
}

/** Renders the consent page into `root` (emptied first); resolves once it is ready to use. Returns a cleanup. */
export async function mountMockConsentPage(root: HTMLElement, options: MockConsentPageOptions = {}): Promise<() => void> {
  const mockUrl = (options.mockUrl ?? 'https://latch.mock').replace(/\/+$/, '');
  const search = options.search ?? globalThis.location.search;
  const navigate = options.navigate ?? ((url: string) => globalThis.location.assign(url));
  const provider = new URLSearchParams(search).get('provider') ?? '';
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const node: HTMLElementTagNameMap[K] = Object.assign(doc.createElement(tag), props);
    node.append(...children);
    return node;
  };

  root.replaceChildren(el('p', { role: 'status', textContent: 'Loading…' }));
  let answer: IdentitiesAnswer;
  let name: string;
  try {
    const [identities, environment] = await Promise.all([
      fetch(`${mockUrl}/__mock/oauth/identities?provider=${encodeURIComponent(provider)}`),
      // The provider's display name, as the sign-in buttons show it.
      fetch(`${mockUrl}/v1/environment`),
    ]);
    if (!identities.ok) throw new Error(`HTTP ${identities.status}`);
    answer = (await identities.json()) as IdentitiesAnswer;
    const listed = environment.ok ? ((await environment.json()) as ApiResponse<EnvironmentJSON>).response.oauthProviders : undefined;
    name = answer.provider.name ?? listed?.find((p) => p.id === provider)?.name ?? provider;
  } catch (error) {
    root.replaceChildren(el('p', { role: 'alert', textContent: `This mock provider page could not load (${String(error)}). Is the mock backend running with oauth enabled?` }));
    return () => root.replaceChildren();
  }

  const form = el('form', { className: 'latch-mock-consent' });
  form.setAttribute('aria-labelledby', 'latch-mock-consent-title');
  const title = el('h1', { id: 'latch-mock-consent-title', textContent: `Sign in with ${name}` });
  const intro = el('p', { textContent: `A fake ${name} for testing: choose who you are, then allow or deny access. Nothing leaves this browser.` });

  const list = el('fieldset', {}, el('legend', { textContent: 'Account' }));
  const radios: HTMLInputElement[] = [];
  const radio = (value: string, label: string, checked: boolean) => {
    const input = el('input', { type: 'radio', name: 'identity', value, checked });
    radios.push(input);
    list.append(el('label', {}, input, ` ${label}`), el('br'));
  };
  answer.identities.forEach((identity, index) =>
    radio(
      identity.id,
      `${displayName(identity)} (${identity.email ? `${identity.email}, ${identity.emailVerified ? 'verified' : 'not verified'}` : 'no email'})`,
      index === 0,
    ),
  );
  radio('custom', 'Another account:', answer.identities.length === 0);

  const email = el('input', { type: 'email', name: 'email', autocomplete: 'off' });
  const fullName = el('input', { type: 'text', name: 'name', autocomplete: 'off' });
  const verified = el('input', { type: 'checkbox', name: 'emailVerified', checked: true });
  const custom = el(
    'div',
    {},
    el('label', {}, 'Email ', email),
    el('br'),
    el('label', {}, 'Name ', fullName),
    el('br'),
    el('label', {}, verified, ' The provider says this email is verified'),
  );
  list.append(custom);
  const showCustom = () => (custom.hidden = !radios.find((r) => r.value === 'custom')?.checked);
  radios.forEach((r) => r.addEventListener('change', showCustom));
  showCustom();

  const error = el('p', { role: 'alert' });
  const allow = el('button', { type: 'submit', textContent: 'Allow', value: 'allow' });
  const deny = el('button', { type: 'button', textContent: 'Deny' });

  const decide = async (decision: 'allow' | 'deny') => {
    const chosen = radios.find((r) => r.checked)?.value;
    const body: Record<string, unknown> = { query: search, decision };
    if (decision === 'allow' && chosen === 'custom') {
      if (!email.value.trim()) {
        error.textContent = 'Enter the email address of the other account.';
        email.focus();
        return;
      }
      const [firstName = null, ...rest] = fullName.value.trim().split(/\s+/).filter(Boolean);
      const identity: MockOAuthIdentity = {
        id: `custom-${email.value.trim().toLowerCase()}`,
        email: email.value.trim(),
        emailVerified: verified.checked,
        firstName,
        lastName: rest.join(' ') || null,
      };
      body.identity = identity;
    } else if (decision === 'allow') body.identityId = chosen;
    allow.disabled = deny.disabled = true;
    try {
      const response = await fetch(`${mockUrl}/__mock/oauth/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { redirectUrl } = (await response.json()) as { redirectUrl: string };
      navigate(redirectUrl);
    } catch (failure) {
      error.textContent = `The mock provider could not answer (${String(failure)}).`;
      allow.disabled = deny.disabled = false;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void decide('allow');
  });
  deny.addEventListener('click', () => void decide('deny'));

  form.append(title, intro, list, error, el('div', {}, allow, ' ', deny));
  root.replaceChildren(form);
  title.tabIndex = -1;
  title.focus();
  return () => root.replaceChildren();
}
