import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { compile } from 'tailwindcss';

/** A host page's stylesheet, as an app would load it. */
export interface HostSheet {
  name: string;
  css: string;
}

const require = createRequire(import.meta.url);
const read = (id: string) => readFile(require.resolve(id), 'utf8');

/**
 * Tailwind v4's preflight as its compiler outputs it (the file itself holds
 * `--theme()` calls that only the compiler resolves). Unlayered, as Tailwind
 * v3 ships it: the harder case, since v4 puts it in `@layer base`, which any
 * unlayered sheet beats anyway.
 */
async function tailwindPreflight(): Promise<string> {
  const compiler = await compile('@import "tailwindcss/preflight.css";', {
    base: process.cwd(),
    async loadStylesheet(id: string, base: string) {
      const path = require.resolve(id, { paths: [base] });
      return { path, base: path.replace(/\/[^/]*$/, ''), content: await readFile(path, 'utf8') };
    },
  });
  return compiler.build([]);
}

/**
 * The stylesheets of the pages Latch must look right on, each from its real
 * package (devDependencies), not a copy: CSS resets and normalizers, a
 * classless framework, the Vite React template a new app starts from, and
 * the playground's own.
 */
export async function hostSheets(): Promise<HostSheet[]> {
  return [
    { name: 'tailwind-preflight', css: await tailwindPreflight() },
    { name: 'bootstrap-reboot', css: await read('bootstrap/dist/css/bootstrap-reboot.css') },
    { name: 'modern-normalize', css: await read('modern-normalize/modern-normalize.css') },
    { name: 'pico', css: await read('@picocss/pico/css/pico.css') },
    { name: 'vite-react-template', css: await read('create-vite/template-react-ts/src/index.css') },
    { name: 'playground', css: await readFile(new URL('../../../../playground/src/playground.css', import.meta.url), 'utf8') },
  ];
}
