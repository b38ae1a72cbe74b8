// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { setupServer } from 'msw/node';
import type { UserJSON } from '@latch/protocol';
import { createMockBackend } from '@latch/mock';
import { LatchProvider } from '@latch/react';
import { UserProfile } from '@latch/ui';

const backend = createMockBackend();
const server = setupServer(...backend.handlers);
const requests: string[] = [];
server.events.on('request:start', ({ request }) => void requests.push(request.url));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const userJSON: UserJSON = {
  id: 'user_1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  username: null,
  primaryEmailAddressId: 'email_1',
  emailAddresses: [
    { id: 'email_1', emailAddress: 'ada@example.com', verification: { status: 'verified', strategy: 'email_code', attempts: 0, expireAt: null } },
    { id: 'email_2', emailAddress: 'ada@work.example', verification: { status: 'unverified', strategy: null, attempts: 0, expireAt: null } },
  ],
  imageUrl: null,
  passwordEnabled: true,
  totpEnabled: true,
  backupCodeEnabled: true,
  twoFactorEnabled: true,
  createdAt: 0,
  updatedAt: 0,
  lastSignInAt: 0,
};

describe('<UserProfile/> on the server', () => {
  it('renders the signed-in account from initialState, in every routing mode, without a request or an error', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const props of [{}, { routing: 'path' as const, path: '/user' }, { routing: 'hash' as const }]) {
      const html = renderToString(
        <LatchProvider frontendApi={backend.url} initialState={{ userId: 'user_1', sessionId: 'sess_1', user: userJSON }}>
          <UserProfile {...props} />
        </LatchProvider>,
      );
      expect(html).toContain('data-component="userProfile"');
      expect(html).toContain('aria-label="Account settings"');
      expect(html).toMatch(/<h1[^>]*>Account<\/h1>/);
      // Line-break opportunities (<wbr>) sit after the @ and before the dots.
      expect(html.replaceAll('<wbr/>', '')).toContain('ada@example.com');
      expect(html).toContain('Unverified');
      expect(html).toContain('aria-label="Profile picture of Ada Lovelace"');
      expect(html).toContain('<style'); // The stylesheet travels with the markup.
    }
    const pathHtml = renderToString(
      <LatchProvider frontendApi={backend.url} initialState={{ userId: 'user_1', sessionId: 'sess_1', user: userJSON }}>
        <UserProfile routing="path" path="/user" />
      </LatchProvider>,
    );
    expect(pathHtml).toContain('href="/user/security"');
    expect(requests).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('renders the loading card when who is signed in is not known yet', () => {
    const html = renderToString(
      <LatchProvider frontendApi={backend.url}>
        <UserProfile />
      </LatchProvider>,
    );
    expect(html).toContain('latch-card');
    expect(html).toMatch(/<div role="status"><span class="latch-spinner">/); // announced, not just drawn
    expect(html).toContain('Loading');
    expect(html).not.toContain('Account settings');
    expect(requests).toEqual([]);
  });

  it('renders nothing for a signed-out visitor', () => {
    const html = renderToString(
      <LatchProvider frontendApi={backend.url} initialState={{ userId: null, sessionId: null }}>
        <UserProfile />
      </LatchProvider>,
    );
    expect(html).not.toContain('class="latch-card"');
  });
});
