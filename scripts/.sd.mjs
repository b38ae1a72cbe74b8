import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const code = process.argv[2] === 'signin' ? `import { LatchProvider } from '@latch/react'; import { SignIn } from '@latch/ui'; export { LatchProvider, SignIn };` : `import { LatchProvider, useAuth } from '@latch/react';
      export function Status() { const { isSignedIn } = useAuth(); return isSignedIn ? 'in' : 'out'; }
      export { LatchProvider };`;
const result = await build({
  stdin: { contents: code, resolveDir: process.cwd(), loader: 'tsx' },
  bundle: true, minify: true, format: 'esm', splitting: true, outdir: 'size-out', platform: 'browser', write: false, metafile: true,
  jsx: 'automatic', external: ['react', 'react-dom', 'react/jsx-runtime'], tsconfigRaw: {}, logLevel: 'error',
});
for (const [path, out] of Object.entries(result.metafile.outputs)) {
  if (!path.endsWith('.js')) continue;
  const file = result.outputFiles.find(f => f.path.endsWith(path));
  console.log(path, out.entryPoint ?? '', 'gzip', gzipSync(file.contents, {level:9}).length, 'imports', out.imports.filter(i=>!i.external).map(i=>i.kind+':'+i.path).join(','));
  for (const [input, info] of Object.entries(out.inputs)) console.log('   ', info.bytesInOutput, input);
  if (path.includes('chunk')) console.log(file.text);
}
