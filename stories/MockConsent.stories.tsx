import { useEffect, useRef } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { action } from 'storybook/actions';
import { expect, userEvent, within } from 'storybook/test';
import { mountMockConsentPage } from '@latch/mock/consent';
import { lazyChunk, twoProviders } from './social';

/**
 * The mock's fake provider page (`@latch/mock/consent`): what the offline
 * playground shows at /mock-oauth-consent instead of Google's consent page.
 * Pick an identity (or type one, its email verified or not), then Allow or
 * Deny; the page then goes to the app's sso-callback page (here: logged to
 * the Actions panel).
 */
function ConsentPage({ search }: { search: string }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cleanup: (() => void) | undefined;
    void mountMockConsentPage(root.current!, { search, navigate: action('navigate') }).then((done) => (cleanup = done));
    return () => cleanup?.();
  }, [search]);
  return <div ref={root} style={{ maxWidth: '32rem', fontFamily: 'system-ui, sans-serif' }} />;
}

const meta = {
  title: 'Mock/OAuth consent page',
  component: ConsentPage,
  args: { search: '?provider=google&state=story-state&redirect_uri=%2Fsign-in%2Fsso-callback' },
  parameters: { latch: { oauth: twoProviders } },
} satisfies Meta<typeof ConsentPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Google: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Sign in with Google' }, lazyChunk)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Allow' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Deny' })).toBeVisible();
  },
};

export const AnotherAccount: Story = {
  name: 'Another account (email not verified)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: /Another account/ }, lazyChunk));
    await userEvent.type(canvas.getByLabelText('Email'), 'someone@example.com');
    await userEvent.click(canvas.getByRole('checkbox', { name: /verified/ }));
    await expect(canvas.getByRole('checkbox', { name: /verified/ })).not.toBeChecked();
  },
};
