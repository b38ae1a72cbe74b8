// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { LatchProvider } from '@latch/react';
import { SignUp } from '@latch/ui';
import { serveMockBackend } from './harness';

const backend = serveMockBackend();

describe('<SignUp/> hydration', () => {
  it('hydrates the server markup without a mismatch, then shows the form', async () => {
    window.history.replaceState(null, '', '/sign-up/verify-email-address');
    const app = (
      <LatchProvider frontendApi={backend.url}>
        <SignUp routing="path" path="/sign-up" />
      </LatchProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app);
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');

    const root = await act(async () => hydrateRoot(container, app));
    // Nothing to verify: the dead step URL gives way to the form.
    expect(await screen.findByLabelText('Email address')).toBeTruthy();
    expect(window.location.pathname).toBe('/sign-up');
    expect(errors).not.toHaveBeenCalled();

    errors.mockRestore();
    act(() => root.unmount());
    container.remove();
  });
});
