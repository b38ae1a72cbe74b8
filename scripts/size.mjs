// Prints the minified + gzipped size of small apps built on the published
// entries (each package's dist/, as users get them, React left external; the
// components carry their stylesheet as text, so CSS is counted) and fails when
// one goes over its budget. Byte counts are deterministic, so CI
// checks the budgets; run `npm run build` first.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const apps = [
  {
    name: 'hooks-only app (LatchProvider + useAuth)',
    budgetBytes: 8 * 1024,
    code: `
      import { LatchProvider, useAuth } from '@latch/react';
      export function Status() { const { isSignedIn } = useAuth(); return isSignedIn ? 'in' : 'out'; }
      export { LatchProvider };
    `,
  },
  {
    name: 'app with <SignIn/> only (CSS included)',
    budgetBytes: 25 * 1024,
    code: `
      import { LatchProvider } from '@latch/react';
      import { SignIn } from '@latch/ui';
      export { LatchProvider, SignIn };
    `,
  },
  {
    name: 'app with all four components (CSS included)',
    budgetBytes: 45 * 1024,
    code: `
      import { LatchProvider } from '@latch/react';
      import { SignIn, SignUp, UserProfile, UserButton } from '@latch/ui';
      export { LatchProvider, SignIn, SignUp, UserProfile, UserButton };
    `,
  },
];

let failed = false;
for (const app of apps) {
  const result = await build({
    stdin: { contents: app.code, resolveDir: process.cwd(), loader: 'tsx' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    jsx: 'automatic',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    // Not the repository's tsconfig.json: its `paths` point @latch/* at the
    // sources. Resolve like an app, through node_modules to each dist/.
    tsconfigRaw: {},
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const over = gzip > app.budgetBytes;
  failed ||= over;
  console.log(
    `${over ? 'OVER ' : 'ok   '} ${app.name}: ${(gzip / 1024).toFixed(2)} KB gzip ` +
      `(${(code.length / 1024).toFixed(1)} KB minified), budget ${(app.budgetBytes / 1024).toFixed(0)} KB`,
  );
}
if (failed) {
  console.error('A size budget was exceeded.');
  process.exit(1);
}
