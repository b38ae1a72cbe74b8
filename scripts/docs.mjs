// Regenerates the README's table of appearance element keys from the one
// typed list in @latch/ui (packages/ui/src/foundation/elements), so the docs
// cannot drift: `npm run docs` rewrites it, and a test fails when it is stale.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const readme = new URL('../README.md', import.meta.url);
const start = '<!-- element-keys:start -->';
const end = '<!-- element-keys:end -->';

/** The element keys grouped by component, straight from the sources. */
export async function elementKeyGroups() {
  const result = await build({
    stdin: {
      contents: `
        export { commonElements } from './common';
        export { signInElements } from './signIn';
        export { signUpElements } from './signUp';
        export { userProfileElements } from './userProfile';
        export { userButtonElements } from './userButton';
        export { emailLinkElements } from './emailLink';
        export { socialElements } from './social';`,
      resolveDir: new URL('../packages/ui/src/foundation/elements', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  return [
    ['Shared', module.commonElements],
    ['SignIn', module.signInElements],
    ['SignUp', module.signUpElements],
    ['UserProfile', module.userProfileElements],
    ['UserButton', module.userButtonElements],
    ['Email links (SignIn, SignUp, UserProfile)', module.emailLinkElements],
    ['Social sign-in', module.socialElements],
  ];
}

export async function elementKeysMarkdown() {
  const groups = await elementKeyGroups();
  const rows = groups.map(([name, keys]) => `| ${name} | ${keys.map((key) => `\`${key}\``).join(' ')} |`);
  return [start, '| used by | element keys (class `latch-<key>`) |', '|---|---|', ...rows, end].join('\n');
}

export function readmeSection(text) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md needs the markers ${start} and ${end}`);
  return text.slice(from, to + end.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = readFileSync(readme, 'utf8');
  writeFileSync(readme, text.replace(readmeSection(text), await elementKeysMarkdown()));
  console.log('README.md: element keys updated');
}
