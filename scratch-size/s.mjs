import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const result = await build({
  stdin: { contents: `import { LatchProvider } from '@latch/react'; import { SignIn } from '@latch/ui'; export { LatchProvider, SignIn };`, resolveDir: process.cwd(), loader: 'tsx' },
  bundle: true, minify: true, format: 'esm', splitting: true, outdir: '/tmp/size-out', platform: 'browser', write: true, metafile: true, jsx: 'automatic',
  external: ['react', 'react-dom', 'react/jsx-runtime'], tsconfigRaw: {}, logLevel: 'error',
});
console.log(Object.entries(result.metafile.outputs).map(([p, o]) => `${p} ${o.bytes} ${o.entryPoint ?? ''} imports=${o.imports.map(i=>i.kind[0]+':'+i.path.split('/').pop()).join(',')}`).join('\n'));
