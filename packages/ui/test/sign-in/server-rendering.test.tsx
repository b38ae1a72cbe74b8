// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { LatchProvider } from '@latch/react';
import { SignIn } from '@latch/ui';

describe('<SignIn/> on the server', () => {
  it('renders the loading card without errors, warnings or requests', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetch = vi.spyOn(globalThis, 'fetch');
    for (const routing of ['virtual', 'hash', 'path'] as const) {
      const html = renderToString(
        <LatchProvider frontendApi="https://latch.mock">
          <SignIn routing={routing} path="/sign-in" localization={{ formButtonPrimary: 'Onward' }} />
        </LatchProvider>,
      );
      expect(html).toContain('class="latch-root"');
      expect(html).toContain('latch-signInLoadingBox');
      expect(html).toContain('role="status"');
      expect(html).toContain('Loading');
    }
    expect(errors).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    errors.mockRestore();
    fetch.mockRestore();
  });
});
