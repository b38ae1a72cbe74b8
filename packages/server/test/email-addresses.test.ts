import { describe, expect, it } from 'vitest';
import type { SignInJSON, SignUpJSON, UserJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, generousIpLimits, paramName, type TestServer } from './helpers';

/** Each of these is one string that a mail library may read as another mailbox, or several. */
const hostile = [
  // One "@" each: the shapes that a loose check lets through and nodemailer then reads as a list or a display name.
  'victim,mallory@evil.example',
  'victim;mallory@evil.example',
  'victim<mallory@evil.example>',
  '"victim"<mallory@evil.example>',
  'mallory@evil.example(victim)',
  'mallory@evil.example,victim.example',
  'mallory@evil.example>',
  'victim@example.com, attacker@evil.example',
  'victim@example.com;attacker@evil.example',
  '"victim@example.com"<attacker@evil.example>',
  'victim@example.com <attacker@evil.example>',
  'Victim <attacker@evil.example>',
  'attacker@evil.example (victim@example.com)',
  'group: attacker@evil.example;',
  '"attacker@evil.example"@example.com',
  'attacker\\@evil.example@example.com',
  'victim@[127.0.0.1]',
  'victim@127.0.0.1',
  'victim@localhost',
  'victim@example.com\r\nBcc: attacker@evil.example',
  'vic tim@example.com',
  'victim@exa mple.com',
  '\uff56ictim@example.com',
  'victim@\uff45xample.com',
  'victim@example\uff0ecom',
  'victim@example\u3002com',
  '\u212aelvin@example.com',
  'a..b@example.com',
  '.victim@example.com',
  'victim.@example.com',
  'victim@-example.com',
  'victim@example.com.',
  'victim@example_host.com',
  `${'a'.repeat(65)}@example.com`,
  `victim@${'a'.repeat(64)}.com`,
  // 255 characters: one more than an address may have.
  `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`,
];

async function signUp(test: TestServer, emailAddress: string) {
  return test.browser().call('POST', '/v1/client/sign_ups', { emailAddress, password: 'a-long-unusual-phrase' });
}

describe('email addresses: one strict addr-spec', () => {
  it('refuses list, display-name, quoted, comment, header-injection and look-alike forms at sign-up, with nothing sent', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits });
    for (const address of hostile) {
      const reply = await signUp(test, address);
      expect([address, reply.status, errorCode(reply), paramName(reply)]).toEqual([address, 400, 'form_param_format_invalid', 'emailAddress']);
    }
    expect(test.outbox).toEqual([]);
  });

  it('refuses them when added to a profile and as a sign-in identifier', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits });
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    for (const address of hostile) {
      const added = await browser.call('POST', '/v1/me/email_addresses', { emailAddress: address });
      expect([address, errorCode(added), paramName(added)]).toEqual([address, 'form_param_format_invalid', 'emailAddress']);
      const signIn = await test.browser().call('POST', '/v1/client/sign_ins', { identifier: address });
      expect([address, errorCode(signIn), paramName(signIn)]).toEqual([address, 'form_param_format_invalid', 'identifier']);
    }
    expect(((await browser.call('GET', '/v1/me')).json.response as UserJSON).emailAddresses).toHaveLength(1);
    expect(test.outbox).toEqual([]);
  });

  it('one mailbox cannot own several "unique verified" accounts through list syntax', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits });
    const browser = test.browser();
    await browser.signUp(test, { emailAddress: 'mallory@evil.example', password: 'a-long-unusual-phrase' });
    // Each string is "unique", and each would be delivered to mallory's one mailbox.
    for (const variant of ['a,mallory@evil.example', 'b,mallory@evil.example', '"c"<mallory@evil.example>', 'd<mallory@evil.example>', 'mallory@evil.example,e.example']) {
      const reply = await signUp(test, variant);
      expect([variant, errorCode(reply)]).toEqual([variant, 'form_param_format_invalid']);
    }
    expect(new Set(test.outbox.map((email) => email.to))).toEqual(new Set(['mallory@evil.example']));
  });

  it('accepts the whole dot-atom, the length limits exactly, and keeps addresses lowercase', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits });
    for (const [typed, stored] of [
      ["O'Brien.Mc-Kay+tag!#$%&*/=?^_`{|}~@Example.CO.UK", "o'brien.mc-kay+tag!#$%&*/=?^_`{|}~@example.co.uk"],
      [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
      [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`, `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`],
    ]) {
      const reply = await signUp(test, typed as string);
      expect(reply.status).toBe(200);
      expect((reply.json.response as SignUpJSON).emailAddress).toBe(stored);
    }
  });

  it('turns an internationalized domain into punycode, so both spellings are one account; a non-ASCII local part is refused', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits });
    expect(errorCode(await signUp(test, 'jürgen@example.com'))).toBe('form_param_format_invalid');
    const browser = test.browser();
    const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'juergen@Müller.Example', password: 'a-long-unusual-phrase' });
    const signUpId = (created.json.response as SignUpJSON).id;
    expect((created.json.response as SignUpJSON).emailAddress).toBe('juergen@xn--mller-kva.example');
    await browser.call('POST', `/v1/client/sign_ups/${signUpId}/prepare_verification`, { strategy: 'email_code' });
    const code = test.latestCode('juergen@xn--mller-kva.example');
    const done = await browser.call('POST', `/v1/client/sign_ups/${signUpId}/attempt_verification`, { code });
    expect((done.json.response as SignUpJSON).status).toBe('complete');
    for (const identifier of ['JUERGEN@xn--mller-kva.example', 'juergen@MÜLLER.example']) {
      const signIn = await test.browser().call('POST', '/v1/client/sign_ins', { identifier, password: 'a-long-unusual-phrase' });
      expect((signIn.json.response as SignInJSON).status).toBe('complete');
    }
  });
});
