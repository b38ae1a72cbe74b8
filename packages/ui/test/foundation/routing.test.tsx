// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { safeAfterUrl, useFlowRouter, type Routing } from '../../src/foundation';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function Flow({ routing, path }: { routing?: Routing; path?: string }) {
  const { step, navigate } = useFlowRouter({ routing, path, initial: 'start' });
  return (
    <>
      <p data-testid="step">{step}</p>
      <button type="button" onClick={() => navigate('password')}>
        next
      </button>
      <button type="button" onClick={() => navigate('factor-two', { replace: true })}>
        replace
      </button>
      <button type="button" onClick={() => navigate('start')}>
        restart
      </button>
    </>
  );
}

const step = () => screen.getByTestId('step').textContent;

async function goBack() {
  await act(async () => {
    window.history.back();
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  });
}

describe('useFlowRouter', () => {
  it('keeps the step in memory with virtual routing', async () => {
    const user = userEvent.setup();
    render(<Flow />);
    expect(step()).toBe('start');
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(step()).toBe('password');
    expect(window.location.pathname).toBe('/');
    expect(window.location.hash).toBe('');
  });

  it('puts the step in the hash with hash routing, and follows Back', async () => {
    const user = userEvent.setup();
    render(<Flow routing="hash" />);
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(window.location.hash).toBe('#/password');
    expect(step()).toBe('password');
    await goBack();
    expect(step()).toBe('start');
  });

  it('reads the step already in the hash on mount', () => {
    window.history.replaceState(null, '', '/#/password');
    render(<Flow routing="hash" />);
    expect(step()).toBe('password');
  });

  it('puts the step under the base path with path routing, and follows popstate', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/sign-in?redirect_url=%2Fhome');
    render(<Flow routing="path" path="/sign-in" />);
    expect(step()).toBe('start');
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(window.location.pathname).toBe('/sign-in/password');
    expect(window.location.search).toBe('?redirect_url=%2Fhome');
    expect(step()).toBe('password');
    await user.click(screen.getByRole('button', { name: 'replace' }));
    expect(window.location.pathname).toBe('/sign-in/factor-two');
    await goBack();
    expect(step()).toBe('start');
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('maps the initial step to the base URL', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/sign-in/password');
    render(<Flow routing="path" path="/sign-in/" />);
    expect(step()).toBe('password');
    await user.click(screen.getByRole('button', { name: 'restart' }));
    expect(window.location.pathname).toBe('/sign-in');
    expect(step()).toBe('start');
  });
});

describe('safeAfterUrl', () => {
  it('allows paths on this origin and allowed origins', () => {
    expect(safeAfterUrl('/dashboard?tab=1#x')).toBe('/dashboard?tab=1#x');
    expect(safeAfterUrl(`${window.location.origin}/home`)).toBe(`${window.location.origin}/home`);
    expect(safeAfterUrl('https://app.example.com/in', ['https://app.example.com'])).toBe('https://app.example.com/in');
    expect(safeAfterUrl(undefined)).toBeNull();
  });

  it('refuses scripts, protocol-relative and foreign URLs', () => {
    expect(safeAfterUrl('javascript:alert(1)')).toBeNull();
    expect(safeAfterUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeAfterUrl('//evil.example/path')).toBeNull();
    expect(safeAfterUrl('/\\evil.example')).toBeNull();
    expect(safeAfterUrl('https://evil.example/')).toBeNull();
    expect(safeAfterUrl('https://evil.example/', ['https://app.example.com'])).toBeNull();
    expect(safeAfterUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeAfterUrl('/ok', ['not a url'])).toBeNull();
  });
});
