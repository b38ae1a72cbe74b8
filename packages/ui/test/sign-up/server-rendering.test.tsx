import { describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { LatchProvider } from '@latch/react';
import { SignUp } from '@latch/ui';

describe('<SignUp/> on the server', () => {
  it('renders the loading card without touching window or the network', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const props of [{}, { routing: 'path' as const, path: '/sign-up' }, { routing: 'hash' as const }]) {
      const html = renderToString(
        <LatchProvider frontendApi="https://latch.mock">
          <SignUp {...props} appearance={{ layout: { termsPageUrl: '/terms' } }} />
        </LatchProvider>,
      );
      expect(html).toContain('Create your account');
      expect(html).toContain('latch-card');
      expect(html).toMatch(/<div role="status"><span class="latch-spinner">/); // the loading state is announced
      expect(html).toContain('href="/sign-in"');
      expect(html).toContain('data-component="signUp"');
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    errors.mockRestore();
  });
});
