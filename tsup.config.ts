import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

const reactEntries = ['react', 'react/jsx-runtime'];
const reactNamespace = 'latch-react-once';

/**
 * One `import { … } from 'react'` (and one from 'react/jsx-runtime') per
 * package instead of one per source file: esbuild keeps an external import in
 * every module that has it, and JSX adds a jsx-runtime import to every .tsx
 * file, about 5 KB of import lists in an app with <SignIn/> (0.8 KB gzip).
 * Source files import React as usual; their imports resolve to one module
 * that re-exports React's names, and only that module imports React itself
 * (still external: React is the app's). Unused names drop out as before.
 */
const oneReactImport: EsbuildPlugin = {
  name: 'latch-one-react-import',
  setup(build) {
    const entries = Array.isArray(build.initialOptions.entryPoints) ? (build.initialOptions.entryPoints as string[]) : [];
    const firstLoad = staticImportGraph(entries.map((entry) => resolve(entry)));
    build.onResolve({ filter: /^react(\/jsx-runtime)?$/ }, (args) =>
      // Modules only an `import()` reaches keep their own React import: sharing the
      // re-exporting module with them would make it a chunk of its own in every app.
      args.namespace === reactNamespace || (args.importer && !firstLoad.has(args.importer))
        ? { path: args.path, external: true }
        : { path: args.path, namespace: reactNamespace },
    );
    build.onLoad({ filter: /.*/, namespace: reactNamespace }, (args) => {
      const names = args.path === 'react' ? reactNamesUsed(join(process.cwd(), 'src')) : ['jsx', 'jsxs', 'Fragment'];
      return { contents: `export { ${names.join(', ')} } from '${args.path}';`, loader: 'js' };
    });
  },
};

/**
 * The source files the entries reach through static imports and re-exports
 * (not `import()`): what an app's first load holds. Relative specifiers only;
 * packages stay external anyway.
 */
function staticImportGraph(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, fromSpecifier, bareSpecifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'(\.[^']+)'|(?:^|\n)\s*import\s*'(\.[^']+)'/g)) {
      const target = resolveSource(dirname(file), (fromSpecifier ?? bareSpecifier)!);
      if (target) visit(target);
    }
  };
  entries.forEach(visit);
  return seen;
}

function resolveSource(dir: string, specifier: string): string | undefined {
  const base = resolve(dir, specifier);
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((path) => existsSync(path) && statSync(path).isFile());
}

/**
 * The names the package's sources import from 'react' (`import { useMemo, type
 * ReactNode } from 'react'`), types left out, and `createElement`, which JSX
 * compiles to when a `key` follows a spread (`<li {...item} key={code}>`).
 */
function reactNamesUsed(dir: string): string[] {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(entry)) continue;
    if (entry.endsWith('.tsx')) names.add('createElement');
    for (const [, list] of readFileSync(join(dir, entry), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'react';/g)) {
      for (const item of list!.split(',')) {
        const name = item.trim().split(/\s+as\s+/)[0]!;
        if (name && !name.startsWith('type ')) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/**
 * One build recipe for every package. Each package's own tsup.config.ts calls
 * this with its entries, so all of them ship the same way: ESM, declarations,
 * source maps, dependencies left external. `shareReactImport: false` keeps
 * each file's own React imports: a package with server entries needs that,
 * because React's server build (the `react-server` condition Next.js uses for
 * server components and edge routes) has no `useEffect` and the like, and a
 * shared module re-exporting them would fail every server import.
 */
export function latchPackage(entry: string[], extra: Partial<Options> = {}, { shareReactImport = true } = {}): Options {
  const options: Options = {
    entry,
    format: ['esm'],
    dts: { compilerOptions: { composite: false } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
    ...extra,
  };
  if (!shareReactImport) return options;
  return {
    ...options,
    // React stays external, through oneReactImport rather than tsup's own list.
    noExternal: [...reactEntries, ...(extra.noExternal ?? [])],
    esbuildPlugins: [...(extra.esbuildPlugins ?? []), oneReactImport],
  };
}

export default defineConfig(latchPackage(['src/index.ts']));
