import { useCallback, useSyncExternalStore } from 'react';
import { useLatch } from '@latch/react';

type Environment = NonNullable<ReturnType<typeof useLatch>['environment']>;

/**
 * The instance's settings (username on or off, MFA options, application
 * name), or null until the client has loaded. On the server and during
 * hydration it is null too, so the markup matches; sections read it with
 * defaults that show the common case.
 */
export function useEnvironment(): Environment | null {
  const client = useLatch();
  const subscribe = useCallback((listener: () => void) => client.subscribe(listener), [client]);
  return useSyncExternalStore(subscribe, () => client.environment, serverSnapshot);
}

function serverSnapshot(): null {
  return null;
}
