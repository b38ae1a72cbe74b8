import { useCallback } from 'react';
import { isSafeRedirect } from '@latch/protocol';
import { useLatchUIOptions } from '@latch/react';

/**
 * `url` when it stays on this page's origin or goes to one of `allowedOrigins`
 * (the environment's `allowedRedirectOrigins`), else null: never
 * `javascript:`, `//evil.example`, or a foreign origin.
 */
export function safeAfterUrl(url: string | undefined, allowedOrigins: readonly string[] = []): string | null {
  if (!url) return null;
  const base = typeof window === 'undefined' ? undefined : window.location.href;
  try {
    return isSafeRedirect(url, { base, allowedOrigins });
  } catch {
    return null; // A malformed allowed origin is the app's mistake; refuse rather than crash the flow.
  }
}

/** Leaves for `url` (already checked with `safeAfterUrl`). */
export function navigateTo(url: string): void {
  if (typeof window !== 'undefined') window.location.assign(url);
}

/**
 * How this app changes page: the provider's `navigate` (the app's router) when
 * given, else a full page load. Check the URL with `safeAfterUrl` first.
 */
export function useNavigate(): (url: string) => void {
  const { navigate } = useLatchUIOptions();
  return useCallback((url: string) => (navigate ? navigate(url) : navigateTo(url)), [navigate]);
}
