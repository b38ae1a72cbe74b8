// @vitest-environment jsdom
import { createElement } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookLog, type WebhookLogEntry } from '../src/WebhookLog';

afterEach(cleanup);

describe('<WebhookLog />', () => {
  it('lists the received webhooks in a labelled table, refused ones with their reason', async () => {
    const entries: WebhookLogEntry[] = [
      { id: 'msg_2', type: null, receivedAt: '2026-12-07T10:00:01.000Z', verified: false, error: 'signature_invalid' },
      { id: 'msg_1', type: 'user.created', receivedAt: '2026-12-07T10:00:00.000Z', verified: true, error: null },
    ];
    render(createElement(WebhookLog, { read: async () => entries }));
    const panel = screen.getByRole('region', { name: 'Webhook log' });
    const rows = await within(panel).findAllByRole('row');
    expect(rows.slice(1).map((row) => row.textContent)).toEqual([
      expect.stringContaining('msg_2refused (signature_invalid)'),
      expect.stringContaining('user.createdmsg_1verified'),
    ]);
  });

  it('says so when there is no receiver (the offline mock)', async () => {
    render(createElement(WebhookLog, { read: async () => null }));
    expect(await screen.findByText(/No webhook receiver/)).toBeTruthy();
  });
});
