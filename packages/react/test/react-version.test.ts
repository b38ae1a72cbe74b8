import { describe, expect, it } from 'vitest';
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { version as serverVersion } from 'react-dom/server';

// The react18 project (LATCH_REACT=18) swaps React by aliases: if they ever
// stopped applying, its suites would quietly test React 19 twice.
describe('the React under test', () => {
  it('is the major version the project names, with a matching react-dom', () => {
    expect(version.split('.')[0]).toBe(process.env.LATCH_REACT ?? '19');
    expect(domVersion).toBe(version);
    expect(serverVersion).toBe(version);
  });
});
