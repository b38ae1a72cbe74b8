// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { version } from 'react';
import { renderToString } from 'react-dom/server';
import { act, render } from '@testing-library/react';
import { ComponentRoot } from '../../src/foundation';
import { baseCss } from '../../src/foundation/styles';
import { serveMockBackend, withProvider } from './harness';

// appearance.cssLayerName, on React 19 (default project) and 18 (react18).
// Its own file: the document keeps the first copy of each sheet.
const backend = serveMockBackend();
const appearance = { cssLayerName: 'components.latch' };
const signIn = '.latch-signInOnly { color: red }';

describe(`appearance.cssLayerName (React ${parseInt(version)})`, () => {
  it('puts every sheet, as written, in the layer, at the end of <head>, after the app\'s own CSS', async () => {
    const app = document.createElement('style');
    app.textContent = '@layer base, components, utilities;';
    document.head.append(app);

    await act(async () =>
      render(
        withProvider(
          backend.url,
          <>
            <ComponentRoot component="signIn" stylesheet={signIn}>x</ComponentRoot>
            <ComponentRoot component="signIn" stylesheet={signIn}>y</ComponentRoot>
          </>,
          { appearance },
        ),
      ),
    );
    const sheets = [...document.head.querySelectorAll('style')].map((style) => style.textContent);
    // The app's order statement first, so it decides where `components.latch` sits.
    expect(sheets).toEqual(['@layer base, components, utilities;', `@layer components.latch{${baseCss}}`, `@layer components.latch{${signIn}}`]);
    // As written: no id weight, no doubling (the layer order settles who wins).
    expect(sheets[1]).not.toContain('#\\#');
  });

  it('renders the layered sheets in place on the server, not hoisted to the start of <head>', () => {
    const html = renderToString(withProvider(backend.url, <ComponentRoot component="signIn" stylesheet={signIn}>x</ComponentRoot>, { appearance }));
    const layered = `@layer components.latch{${signIn}}`;
    expect(html).toContain(parseInt(version) > 18 ? layered : layered.replace(/</g, '\\3c '));
    expect(html).not.toContain('data-precedence');
  });

  it('refuses a layer name that is not one', () => {
    expect(() =>
      renderToString(withProvider(backend.url, <ComponentRoot component="signIn">x</ComponentRoot>, { appearance: { cssLayerName: 'x}body{color:red' } })),
    ).toThrow(/cssLayerName must be a CSS layer name/);
  });
});
