// @vitest-environment jsdom
import { describe, expect, it, onTestFinished } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { LatchClient, LatchProvider, Protect, useAuth } from '@latch/react';
import { serveMockBackend } from './harness';

const admin = { emailAddress: 'root@example.com', password: 'correct-horse-battery', publicMetadata: { role: 'admin', permissions: ['posts:edit'] } };
const member = { emailAddress: 'member@example.com', password: 'correct-horse-battery', publicMetadata: { role: 'member' } };
const { backend } = serveMockBackend({
  users: [admin, member],
  sessionClaims: { role: '{{user.publicMetadata.role}}', permissions: '{{user.publicMetadata.permissions}}' },
});

async function signedInClient(user: { emailAddress: string; password: string }) {
  const client = new LatchClient({ frontendApi: backend.url });
  onTestFinished(() => client.destroy());
  await client.load();
  await client.signIn.create({ identifier: user.emailAddress, password: user.password });
  return client;
}

function Checks() {
  const { has } = useAuth();
  return (
    <p>
      admin: {String(has({ role: 'admin' }))}, edit: {String(has({ permission: 'posts:edit' }))}, nothing asked: {String(has({}))}
    </p>
  );
}

function Page({ client }: { client: LatchClient }) {
  return (
    <LatchProvider client={client}>
      <Checks />
      <Protect role="admin" fallback={<p>Admins only</p>}>
        <p>Admin panel</p>
      </Protect>
      <Protect permission="posts:edit" fallback={<p>No editing</p>}>
        <p>Editor</p>
      </Protect>
    </LatchProvider>
  );
}

describe('roles from the session token', () => {
  it('<Protect role> fetches a token, then shows its children to an admin; has() reads the claims', async () => {
    const client = await signedInClient(admin);
    render(<Page client={client} />);
    expect(await screen.findByText('Admin panel')).toBeTruthy();
    expect(screen.getByText('Editor')).toBeTruthy();
    expect(screen.getByText('admin: true, edit: true, nothing asked: false')).toBeTruthy();
  });

  it('shows the fallback to someone without the role or permission', async () => {
    const client = await signedInClient(member);
    render(<Page client={client} />);
    expect(await screen.findByText('Admins only')).toBeTruthy();
    expect(screen.getByText('No editing')).toBeTruthy();
    expect(screen.queryByText('Admin panel')).toBeNull();
  });

  it('follows a role change at the next token', async () => {
    const client = await signedInClient(member);
    render(<Page client={client} />);
    expect(await screen.findByText('Admins only')).toBeTruthy();
    const user = await backend.server.store.findBy('emailAddresses', 'verifiedEmail', member.emailAddress);
    await backend.server.store.update('users', user?.userId ?? '', { publicMetadata: { role: 'admin' } });
    await act(async () => void (await client.getToken({ skipCache: true })));
    expect(await screen.findByText('Admin panel')).toBeTruthy();
  });

  it('shows the fallback when signed out, and has() says false', async () => {
    const client = new LatchClient({ frontendApi: backend.url });
    onTestFinished(() => client.destroy());
    await client.load();
    render(<Page client={client} />);
    expect(await screen.findByText('Admins only')).toBeTruthy();
    expect(screen.getByText('admin: false, edit: false, nothing asked: false')).toBeTruthy();
  });
});
