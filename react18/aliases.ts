import { createRequire } from 'node:module';

// Resolved from this folder, where npm nests React 18 (see package.json): each
// entry is the file React 18's own `exports` map names for it.
const fromHere = createRequire(import.meta.url);
const entries = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
  'react-dom/test-utils',
];

/**
 * Vite/Vitest aliases that swap React 19 for React 18.3 everywhere the
 * bundler resolves (the sources, the tests, and the dependencies it inlines),
 * for the `react18` test project and the playground with LATCH_REACT=18.
 */
export const react18Aliases = [
  ...entries.map((entry) => ({ find: new RegExp(`^${entry}$`), replacement: fromHere.resolve(entry) })),
  // Its `main` is CommonJS, whose require('react') Node answers with React 19;
  // its ES build goes through the bundler, so the aliases above apply to it.
  {
    find: /^@testing-library\/react$/,
    replacement: fromHere.resolve('@testing-library/react').replace(/index\.js$/, '@testing-library/react.esm.js'),
  },
];
