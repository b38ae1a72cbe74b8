import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  experimental: { authInterrupts: true },
  serverExternalPackages: ['@latch/server', 'better-sqlite3'],
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
