// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { LatchProvider } from '@latch/react';
import { SignIn } from '@latch/ui';
import { heading, serveMockBackend } from './harness';

const { backend } = serveMockBackend();

describe('<SignIn/> hydration', () => {
  it('hydrates the server markup without a mismatch, then shows the flow', async () => {
    window.history.replaceState(null, '', '/sign-in/factor-one');
    const app = (
      <LatchProvider frontendApi={backend.url}>
        <SignIn routing="path" path="/sign-in" />
      </LatchProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app);
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');

    const root = await act(async () => hydrateRoot(container, app));
    // No attempt in progress: the dead step URL gives way to the start.
    await heading('Sign in');
    expect(window.location.pathname).toBe('/sign-in');
    expect(screen.getByLabelText('Email address')).toBeTruthy();
    expect(errors).not.toHaveBeenCalled();

    errors.mockRestore();
    act(() => root.unmount());
    container.remove();
  });
});
