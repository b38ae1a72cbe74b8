import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import { mergeConfig } from 'vite';
import { sourceAliases } from '../source-aliases.ts';

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', 'msw-storybook-addon'],
  // The playground already serves MSW's worker, and msw's postinstall keeps
  // that copy in step with the installed msw (playground/package.json names
  // the directory): serving the same file avoids a second copy to keep fresh.
  staticDirs: [{ from: '../playground/public/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No autodocs: prop tables would cost most of the build time (react-docgen
  // parses every source file) and the stories document the components.
  typescript: { reactDocgen: false },
  // Stories run on the packages' TypeScript sources, like the tests and the
  // playground, so the catalog never shows a stale build.
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [react()],
      resolve: { alias: sourceAliases },
      // The mock backend runs the whole server core in the page: big by design.
      build: { chunkSizeWarningLimit: 4096 },
    }),
};

export default config;
