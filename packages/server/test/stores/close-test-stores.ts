// Setup file of the sqlite and postgres projects: each test's stores are closed
// (and their files removed) when it ends, so connections never pile up.
import { afterEach } from 'vitest';
import { closeTestStores } from './test-stores';

afterEach(closeTestStores);
