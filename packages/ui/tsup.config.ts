import { readFile, writeFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { latchPackage } from '../../tsup.config';
import { shieldCss } from './src/foundation/stylesheet';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

// dist/styles.css: the shared sheet first, then every component's (each injects its own when it renders).
const stylesheets = ['latch.css', 'signIn.css', 'signUp.css', 'userProfile.css', 'userButton.css', 'emailLink.css', 'social.css'];

/**
 * What ships: no whitespace, no comments (legal ones included: the stylesheet
 * has none to keep). The sources stay commented; Vite reads them as they are.
 */
async function minifyCss(text: string): Promise<string> {
  return (await transform(text, { loader: 'css', minify: true, legalComments: 'none' })).code;
}

/**
 * `import css from './x.css?raw'` as a string, the way Vite (tests, Storybook,
 * the playground) reads it: the components carry their stylesheet as text and
 * inject it, so apps need no CSS bundler setup. Minified, since every byte
 * ships inside the JS.
 */
const rawText: EsbuildPlugin = {
  name: 'latch-raw-text',
  setup(build) {
    // The resolved path keeps its `?raw`: tsup's own CSS loader claims every path
    // ending in `.css`, whatever the namespace.
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: new URL(args.path, `file://${args.resolveDir}/`).pathname + '?raw',
      namespace: 'latch-raw',
    }));
    build.onLoad({ filter: /.*/, namespace: 'latch-raw' }, async (args) => {
      const file = args.path.replace(/\?raw$/, '');
      const text = await readFile(file, 'utf8');
      const contents = file.endsWith('.css') ? await minifyCss(text) : text;
      return { contents, loader: 'text', watchFiles: [file] };
    });
  },
};

export default defineConfig(
  latchPackage(['src/index.ts', 'src/locales.ts'], {
    // As in @latch/react: the Rollup tree-shaking pass would drop 'use client'.
    treeshake: false,
    loader: { '.css': 'text' },
    esbuildPlugins: [rawText],
    dts: {
      compilerOptions: {
        composite: false,
        paths: {
          '@latch/react': ['../react/src/index.ts'],
          '@latch/client': ['../client/src/index.ts'],
          '@latch/protocol': ['../protocol/src/index.ts'],
        },
      },
    },
    // Every sheet as one file, minified and in the unlayered form the components
    // inject, for apps that load CSS themselves (`appearance: { injectStyles: false }`
    // + import '@latch/ui/styles.css', or `@import '@latch/ui/styles.css' layer(latch)`).
    async onSuccess() {
      const parts = await Promise.all(stylesheets.map((file) => readFile(new URL(`./src/styles/${file}`, import.meta.url), 'utf8')));
      await writeFile(new URL('./dist/styles.css', import.meta.url), shieldCss(await minifyCss(parts.join('\n'))));
    },
  }),
);
