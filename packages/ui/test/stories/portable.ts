import { afterAll, beforeAll, expect, it } from 'vitest';
import { act } from '@testing-library/react';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { latchLoader } from '../../../../.storybook/latch';
import preview from '../../../../.storybook/preview';

/**
 * One MSW server per test file; each story's loader installs the handlers of
 * its own fresh mock backend on it, as the service worker does in Storybook.
 */
const server = setupServer();
const annotations = setProjectAnnotations({ ...preview, loaders: [latchLoader(() => server)] });

// jsdom has no canvas: axe only probes for one (icon fonts) and copes with
// none, but jsdom would print "Not implemented" for every probe.
HTMLCanvasElement.prototype.getContext = (() => null) as HTMLCanvasElement['getContext'];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await annotations.beforeAll?.();
});
afterAll(() => server.close());

/**
 * jsdom lays nothing out, so colour contrast cannot be measured here (the
 * catalog's a11y panel checks it in a real browser); `region` is off as in
 * Storybook's a11y addon, because a component alone is not a page.
 */
const axeOptions: axe.RunOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

/** The whole body, so portalled popovers and dialogs are checked too. */
const axeContext: axe.ElementContext = { include: [document.body] };

/**
 * A test per story: render it the way Storybook does (loaders, decorators,
 * play function), then require zero axe violations.
 */
export function testStories<Module extends Parameters<typeof composeStories>[0]>(storiesModule: Module): void {
  // Every export of a stories module is a story; the mapped type only keeps the names.
  const stories = composeStories(storiesModule) as Record<string, { run(): Promise<void> }>;
  for (const [name, Story] of Object.entries(stories)) {
    it(name, async () => {
      await Story.run();
      // Floating UI positions and focus moves settle after the play function.
      await act(async () => {});
      const results = await axe.run(axeContext, axeOptions);
      expect(results.violations.map(describeViolation)).toEqual([]);
    });
  }
}

function describeViolation(violation: axe.Result): string {
  const where = violation.nodes.map((node) => node.target.join(' ')).join(', ');
  return `${violation.id}: ${violation.help} (${where})`;
}
