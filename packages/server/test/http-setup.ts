// Setup file of the sqlite and postgres projects: listeners that a test's
// browsers started are closed when it ends.
import { afterEach } from 'vitest';
import { closeListeners } from './http-transport';

afterEach(closeListeners);
