// `npm run pack`: every publishable workspace package's tarball, as npm would
// publish it, in dist-packs/. The Next.js example and the packaging smoke test
// install @latch/* from here, never from the workspace, as a user's app would.
// Run `npm run build` first: a package ships its dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const packsDir = join(root, 'dist-packs');

const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const publishable = rootManifest.workspaces.filter((dir) => !JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).private);

const unbuilt = publishable.filter((dir) => !existsSync(join(root, dir, 'dist')));
if (unbuilt.length > 0) {
  console.error(`npm run pack: ${unbuilt.join(', ')} not built. Run \`npm run build\` first.`);
  process.exit(1);
}

rmSync(packsDir, { recursive: true, force: true });
mkdirSync(packsDir);
const args = ['pack', '--silent', '--pack-destination', packsDir, ...publishable.flatMap((dir) => ['--workspace', dir])];
execFileSync('npm', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`npm run pack: ${publishable.length} tarballs in dist-packs/`);
