import { defineConfig } from 'tsup';
import { latchPackage } from '../../tsup.config';

// No shared chunk: `passkey-routes` and `email-links` are also inlined in `index`, so code that imports only
// one of them (the client's on-demand passkey and email-link code) reaches no other file.
export default defineConfig(latchPackage(['src/index.ts', 'src/passkey-routes.ts', 'src/email-links.ts'], { splitting: false }));
