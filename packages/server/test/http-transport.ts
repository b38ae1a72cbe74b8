import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LatchServer, Store } from '@latch/server';
import { createRequestListener } from '../src/node/listener';
import { createLogger } from '../src/node/logger';
import type { ClosableStore } from '../src/node/store/open-store';

/**
 * With LATCH_TEST_TRANSPORT=http (the sqlite and postgres projects), test
 * browsers reach the server through the real `node:http` listener on
 * loopback instead of calling its handler: the same flow suite then covers
 * the adapter, streaming bodies and headers on every database.
 */
export const overHttp = process.env.LATCH_TEST_TRANSPORT === 'http';

const listeners = new Map<LatchServer, Promise<{ url: string; server: Server }>>();

/** The loopback URL of a listener for `latch`, started on first use. */
export async function listenerUrl(latch: LatchServer, publicOrigin: string): Promise<string> {
  let started = listeners.get(latch);
  if (!started) {
    started = listen(latch, publicOrigin);
    listeners.set(latch, started);
  }
  return (await started).url;
}

/** Closes every listener a test started (a setup file calls this after each test). */
export async function closeListeners(): Promise<void> {
  const all = [...listeners.values()];
  listeners.clear();
  for (const started of all) {
    const { server } = await started;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function listen(latch: LatchServer, publicOrigin: string) {
  const server = createServer(
    createRequestListener({
      latch,
      store: withHealth(latch.store),
      publicOrigin,
      trustProxy: 0,
      devOutbox: null,
      logger: createLogger(() => undefined),
      isClosing: () => false,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** The flow tests' stores are plain Stores; the listener only needs the health check of one. */
function withHealth(store: Store): ClosableStore {
  return Object.assign(Object.create(store) as Store, {
    ping: async () => undefined,
    close: () => undefined,
    purgeExpiredCounters: async () => 0,
  });
}
