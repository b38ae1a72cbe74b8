import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiErrorResponse } from '@latch/protocol';
import { createMockBackend } from '@latch/mock';
import { setupMockServer } from '@latch/mock/node';

// In a browser the common-password list is a chunk of its own. Here its
// import fails, as it would for a mock page gone offline before the list
// arrived: a sign-up must then fail clearly on the password field, never
// let the password through unchecked.
vi.mock('@zxcvbn-ts/language-common', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const backend = createMockBackend();
const network = setupMockServer(backend);
beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterAll(() => network.close());

describe('the mock without its common-password list', () => {
  it('refuses a sign-up with password_check_unavailable on the password field', async () => {
    const response = await fetch(`${backend.url}/v1/client/sign_ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'latch-requested-with': 'fetch' },
      body: JSON.stringify({ emailAddress: 'lin@example.com', password: 'a-long-unusual-phrase' }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as ApiErrorResponse;
    expect(body.errors[0]).toMatchObject({ code: 'password_check_unavailable', meta: { paramName: 'password' } });
  });
});
