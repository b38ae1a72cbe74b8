// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { LatchProvider } from '@latch/react';
import { UserButton } from '@latch/ui';

const userJSON = {
  id: 'user_1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  username: null,
  primaryEmailAddressId: 'email_1',
  emailAddresses: [{ id: 'email_1', emailAddress: 'ada@example.com', verification: { status: 'verified' as const, strategy: 'email_code', attempts: 0, expireAt: null } }],
  imageUrl: null,
  passwordEnabled: true,
  totpEnabled: false,
  backupCodeEnabled: false,
  twoFactorEnabled: false,
  createdAt: 0,
  updatedAt: 0,
  lastSignInAt: 0,
};

describe('UserButton on the server', () => {
  it('renders nothing while the signed-in user is unknown', () => {
    const html = renderToString(
      <LatchProvider frontendApi="https://latch.mock">
        <UserButton />
      </LatchProvider>,
    );
    expect(html).not.toContain('latch-userButtonTrigger');
  });

  it('renders the closed trigger for the user in initialState', () => {
    const html = renderToString(
      <LatchProvider frontendApi="https://latch.mock" initialState={{ userId: 'user_1', sessionId: 'sess_1', user: userJSON }}>
        <UserButton showName defaultOpen={false} />
      </LatchProvider>,
    );
    expect(html).toContain('<span class="latch-visually-hidden">Open user menu</span>');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('Ada Lovelace');
    expect(html).toContain('latch-userButtonAvatarBox');
  });

  it('renders an open popover without touching the DOM', () => {
    const html = renderToString(
      <LatchProvider frontendApi="https://latch.mock" initialState={{ userId: 'user_1', sessionId: 'sess_1', user: userJSON }}>
        <UserButton defaultOpen />
      </LatchProvider>,
    );
    expect(html).toContain('aria-expanded="true"');
  });
});
