// No jsdom: this file renders as a server would, in plain Node.
import { describe, expect, it } from 'vitest';
import { version } from 'react';
import { renderToReadableStream, renderToString } from 'react-dom/server';
import {
  Alert,
  Avatar,
  Card,
  Checkbox,
  CodeField,
  ComponentRoot,
  Divider,
  Field,
  FooterAction,
  LatchStyles,
  Form,
  Header,
  Main,
  Modal,
  PasswordField,
  PrimaryButton,
  SecondaryButton,
  useFlowRouter,
  type ProviderAppearance,
} from '../../src/foundation';
import { baseCss } from '../../src/foundation/styles';
import { pageCss } from '../../src/foundation/stylesheet';
import { arSA } from '../../src/locales';
import { serveMockBackend, withProvider } from './harness';

const backend = serveMockBackend();
const noop = () => {};

function Everything({ routing }: { routing: 'virtual' | 'hash' | 'path' }) {
  const { step } = useFlowRouter({ routing, path: '/sign-in', initial: 'start' });
  return (
    <Card>
      <Header title={`Sign in ${step}`} subtitle="to continue" />
      <Main>
        <Form onSubmit={noop}>
          <Field name="emailAddress" label="Email address" value="" onChange={noop} error="<b>bad</b>" />
          <PasswordField name="password" label="Password" value="" onChange={noop} />
          <CodeField value="" onChange={noop} />
          <Checkbox label="I agree" checked={false} onChange={noop} />
          <PrimaryButton loading>Continue</PrimaryButton>
          <SecondaryButton>Back</SecondaryButton>
        </Form>
        <Divider text="or" />
        <Alert>Something</Alert>
        <Avatar name="<img src=x onerror=alert(1)>" />
        <Modal open={false} onClose={noop} label="x">
          nothing
        </Modal>
      </Main>
      <FooterAction text="No account?" actionText="Sign up" href="/sign-up" />
    </Card>
  );
}

function html(appearance?: ProviderAppearance, routing: 'virtual' | 'hash' | 'path' = 'virtual') {
  return renderToString(
    withProvider(
      backend.url,
      <ComponentRoot component="signIn" localization={routing === 'path' ? arSA : undefined}>
        <Everything routing={routing} />
      </ComponentRoot>,
      { appearance },
    ),
  );
}

describe('server rendering', () => {
  it('renders ComponentRoot and every primitive without touching the browser', () => {
    for (const routing of ['virtual', 'hash', 'path'] as const) {
      const out = html(undefined, routing);
      expect(out).toContain('class="latch-root"');
      expect(out).toContain('Sign in start');
    }
    expect(html(undefined, 'path')).toContain('dir="rtl"');
  });

  it('renders user data as text', () => {
    const out = html();
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<b>bad</b>');
    expect(out).toContain('&lt;b&gt;bad&lt;/b&gt;');
  });

  it('emits the stylesheet, with the nonce React renders with, or not at all when injectStyles is false', async () => {
    // React 18 renders the sheet as HTML and writes `<` as the CSS escape `\3c ` (latch.css's `@property` has one).
    expect(html()).toContain(parseInt(version) > 18 ? pageCss(baseCss) : pageCss(baseCss).replace(/</g, '\\3c '));
    expect(html({ injectStyles: false })).not.toContain('<style');
    const app = withProvider(backend.url, <ComponentRoot component="signIn">x</ComponentRoot>, { appearance: { styleNonce: 'abc123' } });
    if (parseInt(version) > 18) {
      // React 19 writes hoisted styles itself and stamps them with its own `nonce.style`
      // render option; `styleNonce` must be the same value (it is what the browser-side insert uses).
      const stream = await renderToReadableStream(app, { nonce: { script: 'abc123', style: 'abc123' } });
      await stream.allReady;
      expect(await new Response(stream).text()).toMatch(/<style[^>]*nonce="abc123"[^>]*data-href="latch-ui"|<style[^>]*data-href="latch-ui"[^>]*nonce="abc123"/);
    } else {
      // React 18 renders the element in place, with the nonce it is given.
      expect(renderToString(app)).toMatch(/<style[^>]* nonce="abc123"/);
    }
  });

  it('cannot be broken out of by the stylesheet text', () => {
    const out = renderToString(<LatchStyles id="latch-test" css={'a > b {}</style><script>alert(1)</script><style>'} />);
    // The text stays inside the one element: the only `</style` is its end.
    expect(out).toContain('a > b {}');
    expect(out.match(/<\/style/gi)).toHaveLength(1);
    expect(out.endsWith('</style>')).toBe(true);
  });

  it('sets no inline style on the root without variables (strict CSP friendly)', () => {
    expect(html()).not.toMatch(/class="latch-root"[^>]*style=/);
  });
});
