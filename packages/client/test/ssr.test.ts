import { describe, expect, it, vi } from 'vitest';

const browserGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'BroadcastChannel', 'location'];

/** Records every read of the browser globals while `run` runs, then puts them back as they were. */
async function watchGlobals(run: (touched: string[]) => Promise<void>) {
  const touched: string[] = [];
  const saved = browserGlobals.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name, descriptor] of saved) {
    const value: unknown = descriptor?.get ? descriptor.get.call(globalThis) : descriptor?.value;
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return value;
      },
    });
  }
  try {
    await run(touched);
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}

describe('on a server', () => {
  it('importing the package touches no browser global', async () => {
    await watchGlobals(async (touched) => {
      vi.resetModules();
      const client = await import('@latch/client');
      expect(typeof client.LatchClient).toBe('function');
      expect(touched).toEqual([]);
    });
  });

  it('a client that is rendered but never loaded opens no channel', async () => {
    await watchGlobals(async (touched) => {
      vi.resetModules();
      const { LatchClient } = await import('@latch/client');
      const client = new LatchClient({ frontendApi: 'https://auth.example.com' });
      expect(client.getState().isLoaded).toBe(false);
      expect(client.user).toBeNull();
      expect(touched).not.toContain('BroadcastChannel');
      client.destroy();
    });
  });
});
