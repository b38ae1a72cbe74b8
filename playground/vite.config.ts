import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { sourceAliases } from '../source-aliases.ts';
import { latchDevServer } from './latch-dev-server.ts';

export default defineConfig({
  plugins: [react(), latchDevServer({ latchPort: Number(process.env.LATCH_PORT ?? 8787) })],
  resolve: { alias: sourceAliases },
  // The Latch server's public URL is this origin: the port must not wander.
  server: { port: Number(process.env.PLAYGROUND_PORT ?? 5173), strictPort: true },
});
