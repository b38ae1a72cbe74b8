import type { Preview } from '@storybook/react-vite';
import { demoUsers } from '../stories/fixtures';
import { globalTypes, initialGlobals } from './globals';
import { latchLoader, storyLifecycle, withLatch } from './latch';

// A literal object, which Storybook can also read statically. The
// portable-story tests replace `loaders` with one on their `setupServer`.
const preview: Preview = {
  loaders: [latchLoader()],
  beforeEach: storyLifecycle,
  decorators: [withLatch],
  globalTypes,
  initialGlobals,
  parameters: {
    layout: 'fullscreen',
    latch: { users: demoUsers },
    // Every story must pass axe: the test panel reports violations as failures.
    a11y: { test: 'error' },
  },
};

export default preview;
