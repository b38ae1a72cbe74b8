// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { version } from 'react';
import { act, render } from '@testing-library/react';
import { ComponentRoot } from '../../src/foundation';
import { latchCss } from '../../src/foundation/styles';
import { serveMockBackend, withProvider } from './harness';

// Runs on React 19 (default project) and React 18 (react18 project), which
// inject the stylesheet differently (src/foundation/LatchStyles.tsx). Its own
// file: the document keeps the first copy, and this test's nonce must be on it.
const backend = serveMockBackend();

describe(`the stylesheet, rendered in the browser (React ${parseInt(version)})`, () => {
  it('is one copy in <head> with the nonce, however many components render', async () => {
    const appearance = { styleNonce: 'n0nce' };
    const { rerender } = await act(async () =>
      render(
        withProvider(
          backend.url,
          <>
            <ComponentRoot component="signIn">x</ComponentRoot>
            <ComponentRoot component="signUp">y</ComponentRoot>
          </>,
          { appearance },
        ),
      ),
    );
    // Hoisted there by React 19, inserted there once on React 18.
    const sheets = document.head.querySelectorAll('style');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.textContent).toBe(latchCss);
    expect(sheets[0]?.getAttribute('nonce')).toBe('n0nce');
    expect(document.body.querySelectorAll('style')).toHaveLength(0);

    // Components mounting and unmounting later keep exactly that one.
    await act(async () => rerender(withProvider(backend.url, <ComponentRoot component="userButton">z</ComponentRoot>, { appearance })));
    expect(document.querySelectorAll('style')).toHaveLength(1);
  });
});
