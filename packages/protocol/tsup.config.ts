import { defineConfig } from 'tsup';
import { latchPackage } from '../../tsup.config';

// Two builds, not one with two entries: `email-links.js` must stand alone
// (its own copy of those few strings, no chunk shared with `index.js`), so an
// app's bundler finds it only under the client's on-demand email-link code
// and never adds a shared chunk to the first load. Neither cleans dist/:
// they write it side by side.
export default defineConfig([
  latchPackage(['src/index.ts'], { clean: false }),
  latchPackage(['src/email-links.ts'], { clean: false }),
]);
