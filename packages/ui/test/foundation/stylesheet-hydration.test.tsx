// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { version, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { act } from '@testing-library/react';
import { LatchProvider } from '@latch/react';
import { SignIn, SignUp } from '@latch/ui';
import { baseCss } from '../../src/foundation/styles';
import { pageCss } from '../../src/foundation/stylesheet';
import signInCss from '../../src/styles/signIn.css?raw';
import signUpCss from '../../src/styles/signUp.css?raw';
import { serveMockBackend } from './harness';

// Runs on React 19 (default project) and React 18 (react18 project), which
// inject the stylesheet differently (src/foundation/LatchStyles.tsx).
const backend = serveMockBackend();
const react = parseInt(version);

function app(children: ReactNode) {
  return (
    <LatchProvider frontendApi={backend.url}>
      {children}
    </LatchProvider>
  );
}

/** Every stylesheet in the document that holds Latch's CSS. */
function latchSheets(): HTMLStyleElement[] {
  return [...document.querySelectorAll('style')].filter((style) => style.textContent?.includes('.latch-'));
}
/** The shared sheet, then SignIn's and SignUp's. */
const expected = [pageCss(baseCss), pageCss(signInCss), pageCss(signUpCss)];

// The nonce on the server is server-rendering.test.tsx's, in the browser appearance.test.tsx's.
describe(`the stylesheet, server-rendered and hydrated (React ${react})`, () => {
  it('is in the server HTML, hydrates without a mismatch or a warning, and stays one copy', async () => {
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const page = app(
      <>
        <SignIn />
        <SignUp />
      </>,
    );
    const html = renderToString(page);
    // Every sheet the page uses, unescaped (`>` stays `>`; React 18 writes `<` as the CSS escape `\3c `),
    // so the page is styled before any script runs.
    for (const css of expected) expect(html).toContain(react > 18 ? css : css.replace(/</g, '\\3c '));
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const onRecoverableError = vi.fn();
    const root = await act(async () => hydrateRoot(container, page, { onRecoverableError }));

    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    // In order, once each: React 19's server joins the three into one element (one
    // precedence), React 18 leaves three. `\3c ` is compared as the `<` it stands for.
    const text = () => latchSheets().map((sheet) => sheet.textContent?.replace(/\\3c /g, '<')).join('');
    expect(text()).toBe(expected.join(''));

    // A component mounted later on the hydrated page adds no second copy.
    await act(async () => root.render(app(<><SignIn /><SignUp /><SignIn routing="hash" /></>)));
    expect(text()).toBe(expected.join(''));

    errors.mockRestore();
    warnings.mockRestore();
    await act(async () => root.unmount());
    container.remove();
  });
});
