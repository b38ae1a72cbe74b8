import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy in front of a database that a test can break the way
 * networks break: `blackhole()` keeps every connection open but lets no byte
 * through (a silent firewall, a hung host), `cut()` drops every connection
 * and refuses new ones (a stopped database), `restore()` forwards again.
 */
export interface FaultyProxy {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  blackhole(): void;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Drops every connection and stops listening for good. */
  close(): Promise<void>;
}

export async function startFaultyProxy(target: { host: string; port: number } | null): Promise<FaultyProxy> {
  let mode: 'forward' | 'blackhole' = target ? 'forward' : 'blackhole';
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'blackhole' || !target) return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    // Byte by byte rather than pipe(), so that a blackhole can start mid-connection.
    client.on('data', (chunk) => {
      if (mode === 'forward') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (mode === 'forward') client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  return {
    port,
    blackhole: () => void (mode = 'blackhole'),
    async cut() {
      const closed = stopListening();
      dropAll();
      await closed;
    },
    async restore() {
      mode = 'forward';
      if (!server.listening) await listen(server, port);
    },
    async close() {
      const closed = stopListening();
      dropAll();
      await closed;
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
