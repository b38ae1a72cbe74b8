// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StrictMode } from 'react';
import { cleanup, render } from '@testing-library/react';
import { RedirectToSignIn } from '@latch/react';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('RedirectToSignIn', () => {
  it('navigates to /sign-in with a relative redirect_url back to the current page', () => {
    window.history.replaceState(null, '', '/dashboard/billing?tab=invoices#latest');
    const navigate = vi.fn();
    render(<RedirectToSignIn navigate={navigate} />);

    expect(navigate).toHaveBeenCalledTimes(1);
    const url = new URL(navigate.mock.calls[0]![0] as string, 'http://localhost:3000');
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('redirect_url')).toBe('/dashboard/billing?tab=invoices#latest');
    expect(navigate.mock.calls[0]![0]).toMatch(/^\/sign-in\?redirect_url=/);
  });

  it('keeps a custom signInUrl with its own query, and gives another origin the full URL back', () => {
    window.history.replaceState(null, '', '/orders?page=2');
    const navigate = vi.fn();
    render(<RedirectToSignIn signInUrl="https://accounts.example.com/login?lang=fr" navigate={navigate} />);

    const url = new URL(navigate.mock.calls[0]![0] as string);
    expect(url.origin).toBe('https://accounts.example.com');
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('lang')).toBe('fr');
    expect(url.searchParams.get('redirect_url')).toBe('http://localhost:3000/orders?page=2');
  });

  it('navigates only once under StrictMode', () => {
    const navigate = vi.fn();
    render(
      <StrictMode>
        <RedirectToSignIn navigate={navigate} />
      </StrictMode>,
    );
    expect(navigate).toHaveBeenCalledTimes(1);
  });
});
