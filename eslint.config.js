import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'examples/*/.next/**', 'examples/*/next-env.d.ts', 'coverage/**', 'playground/public/**', 'storybook-static/**', 'bench/.compare/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['packages/react/**/*.{ts,tsx}', 'packages/ui/**/*.{ts,tsx}', 'packages/nextjs/**/*.{ts,tsx}', 'playground/src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The server core runs in browsers too: Node built-ins are off limits there.
    files: ['packages/server/src/core/**/*.ts', 'packages/protocol/src/**/*.ts', 'packages/client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'This code must run in browsers: use WebCrypto and fetch types.' }] }],
    },
  },
  {
    // SECURITY.md: names, localization strings and appearance values render as text, never as HTML.
    files: ['packages/**/*.{ts,tsx}', 'playground/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML (SECURITY.md).' },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML (SECURITY.md).' },
      ],
    },
  },
  {
    // Build scripts run in Node.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
