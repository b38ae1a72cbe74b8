/** The only message tabs exchange: "look again". It carries no token, id or other secret. */
const CLIENT_CHANGED = 'client_changed';

export interface Broadcast {
  /** Tells the other tabs that sessions or the active session changed. */
  post(): void;
  close(): void;
}

/**
 * A BroadcastChannel shared by every tab (and every LatchClient in a process)
 * that talks to the same frontend API. Undefined where BroadcastChannel
 * does not exist.
 */
export function openBroadcast(frontendApi: string, onChange: () => void): Broadcast | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(`latch:${frontendApi}`);
  channel.onmessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === CLIENT_CHANGED) onChange();
  };
  // Node's channel holds the process open; a listener must not.
  (channel as { unref?: () => void }).unref?.();
  return {
    post: () => channel.postMessage({ type: CLIENT_CHANGED }),
    close: () => channel.close(),
  };
}
