import { run, repoRoot } from './packs';

/** Packs the built packages once for every test in this project (`npm test` builds them first). */
export default async function packOnce(): Promise<void> {
  await run('node', ['scripts/pack.mjs'], { cwd: repoRoot });
}
