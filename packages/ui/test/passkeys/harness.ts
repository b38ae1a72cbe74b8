import { afterEach, beforeEach, expect, vi } from 'vitest';
import { SoftAuthenticator } from '../../../../stories/authenticator';

/**
 * A software authenticator in WebAuthn's place for each test (the stories'
 * one), and the promise that passkey work leaves no trace: no unhandled
 * rejection and no console error, whatever the test did.
 */
export function useSoftAuthenticator(): () => SoftAuthenticator {
  let authenticator: SoftAuthenticator;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeEach(() => {
    authenticator = new SoftAuthenticator();
    authenticator.install();
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
    vi.spyOn(console, 'error');
  });

  afterEach(async () => {
    // A rejection nobody handled surfaces a turn or two later.
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);
    authenticator.uninstall();
    expect(unhandled).toEqual([]);
    expect(console.error).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  return () => authenticator;
}
