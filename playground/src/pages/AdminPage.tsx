import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Protect, useAuth } from '@latch/react';
import type { AdminUserJSON, PageJSON } from '@latch/backend';
import { WebhookLog } from '../WebhookLog';

/**
 * A small admin page: find users, ban or unban one. It calls the
 * playground's own `/api/admin/…` routes with the session token; they check
 * the token's `role` claim and call the Latch admin API with a secret key
 * that never reaches this page (see adminProxy.ts). `<Protect role="admin">`
 * only hides the page: the routes check for themselves.
 */
export function AdminPage() {
  return (
    <Protect role="admin" fallback={<p>This page is for admins. Sign in as Ada (her public metadata says <code>role: admin</code>).</p>}>
      <h1>Admin</h1>
      <UserAdmin />
      <WebhookLog />
    </Protect>
  );
}

function UserAdmin() {
  const { getToken } = useAuth();
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<AdminUserJSON[] | null>(null);
  const [status, setStatus] = useState('');

  const call = useCallback(
    async <T,>(path: string, method = 'GET'): Promise<T> => {
      const token = await getToken();
      const response = await fetch(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
      const body = (await response.json()) as T & { errors?: { message: string }[] };
      if (!response.ok) throw new Error(body.errors?.[0]?.message ?? `The admin route answered ${response.status}.`);
      return body;
    },
    [getToken],
  );

  const search = useCallback(
    async (text: string) => {
      try {
        const page = await call<PageJSON<AdminUserJSON>>(`/api/admin/users?query=${encodeURIComponent(text)}`);
        setUsers(page.data);
        setStatus(`${page.data.length} user${page.data.length === 1 ? '' : 's'} found.`);
      } catch (error) {
        setStatus((error as Error).message);
      }
    },
    [call],
  );

  useEffect(() => {
    void search('');
  }, [search]);

  async function setBanned(user: AdminUserJSON, banned: boolean) {
    try {
      const updated = await call<AdminUserJSON>(`/api/admin/users/${encodeURIComponent(user.id)}/${banned ? 'ban' : 'unban'}`, 'POST');
      setUsers((list) => list?.map((each) => (each.id === updated.id ? updated : each)) ?? null);
      setStatus(`${emailOf(updated)} is ${banned ? 'banned: their sessions are revoked' : 'no longer banned'}.`);
    } catch (error) {
      setStatus((error as Error).message);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void search(query);
  }

  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <form role="search" onSubmit={submit}>
        <label htmlFor="admin-user-query">Search by email, name or username</label>{' '}
        <input id="admin-user-query" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />{' '}
        <button type="submit">Search</button>
      </form>
      <p role="status">{status}</p>
      {users && users.length > 0 && (
        <table>
          <caption>Users, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{emailOf(user)}</td>
                <td>{[user.firstName, user.lastName].filter(Boolean).join(' ')}</td>
                <td>{new Date(user.createdAt).toLocaleString()}</td>
                <td>{user.banned ? 'Banned' : 'Active'}</td>
                <td>
                  <button type="button" onClick={() => void setBanned(user, !user.banned)}>
                    {user.banned ? 'Unban' : 'Ban'} {emailOf(user)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function emailOf(user: AdminUserJSON): string {
  return user.emailAddresses.find((email) => email.id === user.primaryEmailAddressId)?.emailAddress ?? user.id;
}
