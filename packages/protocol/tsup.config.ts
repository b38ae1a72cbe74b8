import { defineConfig } from 'tsup';
import { latchPackage } from '../../tsup.config';

// No shared chunk: `passkey-routes` is also inlined in `index`, so code that imports only it reaches no other file.
export default defineConfig(latchPackage(['src/index.ts', 'src/passkey-routes.ts'], { splitting: false }));
