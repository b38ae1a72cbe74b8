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
    budgetBytes: 6 * 1024,
    code: `
      import { LatchProvider, useAuth } from '@latch/react';
      export function Status() { const { isSignedIn } = useAuth(); return isSignedIn ? 'in' : 'out'; }
      export { LatchProvider };
    `,
  },
  {
    name: 'app with <SignIn/> only (CSS included)',
    budgetBytes: 20 * 1024,
    code: `
      import { LatchProvider } from '@latch/react';
      import { SignIn } from '@latch/ui';
      export { LatchProvider, SignIn };
    `,
  },
  {
    name: 'app with all four components (CSS included)',
    budgetBytes: 40 * 1024,
    code: `
      import { LatchProvider } from '@latch/react';
      import { SignIn, SignUp, UserProfile, UserButton } from '@latch/ui';
      export { LatchProvider, SignIn, SignUp, UserProfile, UserButton };
    `,
  },
];

let failed = false;
for (const app of apps) {
  // Split like an app's bundler does: what the page loads first is the entry
  // chunk, which the budget holds; code behind a dynamic import() (the QR
  // encoder, only for two-step setup) is a chunk of its own, printed too.
  const result = await build({
    stdin: { contents: app.code, resolveDir: process.cwd(), loader: 'tsx' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: 'size-out',
    platform: 'browser',
    write: false,
    metafile: true,
    jsx: 'automatic',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    // Not the repository's tsconfig.json: its `paths` point @latch/* at the
    // sources. Resolve like an app, through node_modules to each dist/.
    tsconfigRaw: {},
    logLevel: 'error',
  });
  // The app itself (each on-demand module of a package is an entry point of its own for esbuild).
  const entryPath = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === '<stdin>')?.[0];
  const chunks = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  // Chunks the entry imports statically load with it, and so do the ones those import: they count toward the budget too.
  const eager = new Set([entryPath]);
  for (const path of eager) {
    for (const i of result.metafile.outputs[path]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) eager.add(i.path);
  }
  const sizeOf = (files) => ({
    minified: files.reduce((sum, file) => sum + file.contents.length, 0),
    gzip: files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0),
  });
  const initial = sizeOf(chunks.filter((file) => [...eager].some((path) => file.path.endsWith(path))));
  const lazy = sizeOf(chunks.filter((file) => ![...eager].some((path) => file.path.endsWith(path))));
  const over = initial.gzip > app.budgetBytes;
  failed ||= over;
  console.log(
    `${over ? 'OVER ' : 'ok   '} ${app.name}: ${(initial.gzip / 1024).toFixed(2)} KB gzip ` +
      `(${(initial.minified / 1024).toFixed(1)} KB minified), budget ${(app.budgetBytes / 1024).toFixed(0)} KB` +
      (lazy.gzip > 0 ? `; loaded on demand: ${(lazy.gzip / 1024).toFixed(2)} KB gzip` : ''),
  );
}
if (failed) {
  console.error('A size budget was exceeded.');
  process.exit(1);
}
