import { defineConfig } from 'tsup';
import { latchPackage } from '../../tsup.config';

export default defineConfig(
  latchPackage(['src/index.ts'], {
    // Every resource assigns its fields in the constructor: a declaration
    // (`id;status;user;…`) before that would only repeat their names in every
    // app's bundle. Initialised fields and #private ones are emitted as before.
    tsconfig: 'tsconfig.build.json',
  }),
);
