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

interface Identity {
  id: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  picture?: string | null;
}

interface IdentitiesAnswer {
  provider: { id: string; name: string };
  identities: Identity[];
}

/** Renders the consent page into `root` (emptied first); resolves once it is ready to use. Returns a cleanup. */
export async function mountMockConsentPage(root: HTMLElement, options: MockConsentPageOptions = {}): Promise<() => void> {
  const mockUrl = (options.mockUrl ?? 'https://latch.mock').replace(/\/+$/, '');
  const search = options.search ?? globalThis.location.search;
  const navigate = options.navigate ?? ((url: string) => globalThis.location.assign(url));
  const provider = new URLSearchParams(search).get('provider') ?? '';
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
    const node = Object.assign(doc.createElement(tag), props);
    node.append(...children);
    return node;
  };

  root.replaceChildren(el('p', { role: 'status', textContent: 'Loading…' }));
  let answer: IdentitiesAnswer;
  try {
    const response = await fetch(`${mockUrl}/__mock/oauth/identities?provider=${encodeURIComponent(provider)}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    answer = (await response.json()) as IdentitiesAnswer;
  } catch (error) {
    root.replaceChildren(el('p', { role: 'alert', textContent: `This mock provider page could not load (${String(error)}). Is the mock backend running with oauth enabled?` }));
    return () => root.replaceChildren();
  }

  const name = answer.provider.name;
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
    radio(identity.id, `${identity.name ?? identity.email} (${identity.email}, email ${identity.emailVerified ? 'verified' : 'not verified'})`, index === 0),
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
      body.identity = { email: email.value.trim(), name: fullName.value.trim() || null, emailVerified: verified.checked };
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
