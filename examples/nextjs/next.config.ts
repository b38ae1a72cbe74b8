import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // auth.protect() answers a signed-out route handler with 401 through Next's unauthorized().
  experimental: { authInterrupts: true },
  // The Latch server loads its database driver (a native module for SQLite) and
  // optional mailer at run time: Node loads them from node_modules, unbundled.
  serverExternalPackages: ['@latch/server', 'better-sqlite3'],
};

export default nextConfig;
