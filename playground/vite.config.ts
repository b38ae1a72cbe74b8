import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`../packages/${p}`, import.meta.url));

// The playground runs on the packages' sources, so `npm start` needs no build
// step and edits to a package show up at once.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@latch\/protocol$/, replacement: src('protocol/src/index.ts') },
      { find: /^@latch\/server$/, replacement: src('server/src/index.ts') },
      { find: /^@latch\/client$/, replacement: src('client/src/index.ts') },
      { find: /^@latch\/react$/, replacement: src('react/src/index.ts') },
      { find: /^@latch\/mock$/, replacement: src('mock/src/index.ts') },
      { find: /^@latch\/mock\/browser$/, replacement: src('mock/src/browser.ts') },
    ],
  },
  server: { port: 5173 },
});
