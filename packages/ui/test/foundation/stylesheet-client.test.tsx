// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { version } from 'react';
import { act, render } from '@testing-library/react';
import { ComponentRoot } from '../../src/foundation';
import { baseCss } from '../../src/foundation/styles';
import { pageCss } from '../../src/foundation/stylesheet';
import { serveMockBackend, withProvider } from './harness';

// Runs on React 19 (default project) and React 18 (react18 project), which
// inject the stylesheet differently (src/foundation/LatchStyles.tsx). Its own
// file: the document keeps the first copy, and this test's nonce must be on it.
const backend = serveMockBackend();

describe(`the stylesheet, rendered in the browser (React ${parseInt(version)})`, () => {
  it('is one copy of each sheet in <head>, the shared one first, with the nonce, however many components render', async () => {
    const appearance = { styleNonce: 'n0nce' };
    const signIn = '.latch-signInOnly { color: red }';
    const signUp = '.latch-signUpOnly { color: blue }';
    const { rerender } = await act(async () =>
      render(
        withProvider(
          backend.url,
          <>
            <ComponentRoot component="signIn" stylesheet={signIn}>x</ComponentRoot>
            <ComponentRoot component="signUp" stylesheet={signUp}>y</ComponentRoot>
            <ComponentRoot component="signIn" stylesheet={signIn}>x again</ComponentRoot>
          </>,
          { appearance },
        ),
      ),
    );
    // Hoisted there by React 19, inserted there once on React 18.
    const sheets = [...document.head.querySelectorAll('style')];
    expect(sheets.map((sheet) => sheet.textContent)).toEqual([pageCss(baseCss), pageCss(signIn), pageCss(signUp)]);
    expect(sheets.map((sheet) => sheet.getAttribute('nonce'))).toEqual(['n0nce', 'n0nce', 'n0nce']);
    expect(document.body.querySelectorAll('style')).toHaveLength(0);

    // Components mounting and unmounting later keep exactly those, and add their own after them.
    const userButton = '.latch-userButtonOnly { color: green }';
    await act(async () => rerender(withProvider(backend.url, <ComponentRoot component="userButton" stylesheet={userButton}>z</ComponentRoot>, { appearance })));
    expect([...document.querySelectorAll('style')].map((sheet) => sheet.textContent)).toEqual([pageCss(baseCss), pageCss(signIn), pageCss(signUp), pageCss(userButton)]);
  });
});
