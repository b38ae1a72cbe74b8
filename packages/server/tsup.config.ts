import { defineConfig } from 'tsup';
import { latchPackage } from '../../tsup.config';

// Outputs mirror src/: dist/index.js, dist/node/index.js, dist/node/cli.js. cli.ts
// starts with `#!/usr/bin/env node` and esbuild keeps an entry's hashbang, so
// only the CLI gets one (and tsup marks it executable).
export default defineConfig(latchPackage(['src/index.ts', 'src/node/index.ts', 'src/node/cli.ts']));
