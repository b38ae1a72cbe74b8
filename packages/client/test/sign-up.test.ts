import { createMockBackend } from '@latch/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ada, apiFailure, newClient } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function setup() {
  const backend = createMockBackend({ users: [ada] });
  server.use(...backend.handlers);
  const client = newClient(backend.url);
  await client.load();
  return { backend, client };
}

describe('sign-up', () => {
  it('lets every step be called on the snapshot taken before create()', async () => {
    const { backend, client } = await setup();
    const signUp = client.signUp;

    await signUp.create({ emailAddress: 'lin@example.com', password: 'quiet-morning-tea-42' });
    await signUp.prepareEmailAddressVerification();
    const done = await signUp.attemptEmailAddressVerification({ code: backend.latestCode('lin@example.com')! });

    expect(done.status).toBe('complete');
    expect(client.user?.primaryEmailAddress?.emailAddress).toBe('lin@example.com');
  });

  it('verifies the email address, then signs the new user in', async () => {
    const { backend, client } = await setup();
    expect(client.signUp.status).toBeNull();

    const created = await client.signUp.create({
      emailAddress: 'lin@example.com',
      password: 'quiet-morning-tea-42',
      firstName: 'Lin',
    });
    expect(created.status).toBe('missing_requirements');
    expect(created.unverifiedFields).toEqual(['emailAddress']);
    expect(created.createdUserId).toBeNull();
    expect(client.signUp).toBe(created);

    const prepared = await created.prepareEmailAddressVerification();
    expect(prepared.verifications.emailAddress?.strategy).toBe('email_code');
    const done = await prepared.attemptEmailAddressVerification({ code: backend.latestCode('lin@example.com')! });

    expect(done.status).toBe('complete');
    expect(client.session?.id).toBe(done.createdSessionId);
    expect(client.user?.id).toBe(done.createdUserId);
    expect(client.user?.firstName).toBe('Lin');
    expect(client.user?.primaryEmailAddress?.emailAddress).toBe('lin@example.com');
    expect(client.user?.primaryEmailAddress?.isVerified).toBe(true);
  });

  it('refuses an email address that already has an account', async () => {
    const { client } = await setup();
    const error = await apiFailure(client.signUp.create({ emailAddress: ada.emailAddress, password: 'quiet-morning-tea-42' }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('form_identifier_exists');
    expect(error.errors[0]?.meta?.paramName).toBe('emailAddress');
  });

  it('refuses a common password and a short one', async () => {
    const { client } = await setup();
    const common = await apiFailure(client.signUp.create({ emailAddress: 'lin@example.com', password: 'qwertyuiop' }));
    expect(common.code).toBe('form_password_pwned');
    expect(common.errors[0]?.meta?.paramName).toBe('password');

    const short = await apiFailure(client.signUp.create({ emailAddress: 'lin@example.com', password: 'x7#kQ' }));
    expect(short.code).toBe('form_password_length_too_short');
    expect(client.session).toBeNull();
  });

  it('explains misuse before create()', async () => {
    const { client } = await setup();
    await expect(client.signUp.attemptEmailAddressVerification({ code: '123456' })).rejects.toThrow(/signUp\.create\(\)/);
  });
});
