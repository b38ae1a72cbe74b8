import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { elementKeysMarkdown, readmeSection } from '../../../../scripts/docs.mjs';
import { elementKeys } from '../../src/foundation';

describe('README', () => {
  it('lists every appearance element key, generated from the typed list (npm run docs)', async () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const section = readmeSection(readme) as string;
    expect(section).toBe(await elementKeysMarkdown());
    for (const key of elementKeys) expect(section).toContain(`\`${key}\``);
  });
});
