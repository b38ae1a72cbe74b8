import { fileURLToPath } from 'node:url';

const source = (file: string) => fileURLToPath(new URL(`./packages/${file}`, import.meta.url));

/**
 * Maps each public entry to its TypeScript source. Vitest and the playground's
 * dev server use it, so tests and `npm start` run on the files people edit,
 * without a build first. (Published packages resolve to dist/ via `exports`.)
 */
export const sourceAliases = [
  { find: /^@latch\/protocol$/, replacement: source('protocol/src/index.ts') },
  { find: /^@latch\/protocol\/passkey-routes$/, replacement: source('protocol/src/passkey-routes.ts') },
  { find: /^@latch\/protocol\/email-links$/, replacement: source('protocol/src/email-links.ts') },
  { find: /^@latch\/server$/, replacement: source('server/src/index.ts') },
  { find: /^@latch\/server\/node$/, replacement: source('server/src/node/index.ts') },
  { find: /^@latch\/backend$/, replacement: source('backend/src/index.ts') },
  { find: /^@latch\/client$/, replacement: source('client/src/index.ts') },
  { find: /^@latch\/react$/, replacement: source('react/src/index.ts') },
  { find: /^@latch\/ui$/, replacement: source('ui/src/index.ts') },
  { find: /^@latch\/ui\/locales$/, replacement: source('ui/src/locales.ts') },
  { find: /^@latch\/mock$/, replacement: source('mock/src/index.ts') },
  { find: /^@latch\/mock\/node$/, replacement: source('mock/src/node.ts') },
  { find: /^@latch\/mock\/browser$/, replacement: source('mock/src/browser.ts') },
  { find: /^@latch\/nextjs$/, replacement: source('nextjs/src/index.ts') },
  { find: /^@latch\/nextjs\/client$/, replacement: source('nextjs/src/client.tsx') },
  { find: /^@latch\/nextjs\/middleware$/, replacement: source('nextjs/src/middleware-entry.ts') },
  { find: /^@latch\/nextjs\/route-handler$/, replacement: source('nextjs/src/route-handler.ts') },
  { find: /^@latch\/nextjs\/pages$/, replacement: source('nextjs/src/pages.ts') },
  { find: /^@latch\/nextjs\/trpc$/, replacement: source('nextjs/src/trpc.ts') },
];
