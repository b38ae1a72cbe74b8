import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { sourceAliases } from '../source-aliases.ts';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: sourceAliases },
  server: { port: 5173 },
});
