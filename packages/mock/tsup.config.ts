import { defineConfig } from 'tsup';
import { latchPackage } from '../../tsup.config';

export default defineConfig(latchPackage(['src/index.ts', 'src/node.ts', 'src/browser.ts', 'src/consent.ts']));
