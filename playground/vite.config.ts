import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { react18Aliases } from '../react18/aliases.ts';
import { sourceAliases } from '../source-aliases.ts';
import { latchDevServer } from './latch-dev-server.ts';

export default defineConfig({
  plugins: [react(), latchDevServer({ latchPort: Number(process.env.LATCH_PORT ?? 8787) })],
  // LATCH_REACT=18 (the react18 test project) serves the same app on React 18.3.
  resolve: { alias: process.env.LATCH_REACT === '18' ? [...react18Aliases, ...sourceAliases] : sourceAliases },
  // The Latch server's public URL is this origin: the port must not wander.
  server: { port: Number(process.env.PLAYGROUND_PORT ?? 5173), strictPort: true },
});
