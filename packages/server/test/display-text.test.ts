import { describe, expect, it } from 'vitest';
import type { UserJSON } from '@latch/protocol';
import { ada, createTestServer, errorCode, generousIpLimits, paramName } from './helpers';

/** Each hides itself on screen: bidi overrides and isolates, zero-width characters, the BOM. */
const invisible = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)?.toString(16).toUpperCase()}`;
}

describe('display fields refuse invisible formatting', () => {
  it('sign-up names and username: 400 form_param_format_invalid, no sign-up made', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits, settings: { signUp: { fields: { username: 'optional' } } } });
    const browser = test.browser();
    for (const char of invisible) {
      for (const field of ['firstName', 'lastName', 'username']) {
        const body = { emailAddress: 'grace@example.com', password: 'a-long-unusual-phrase', [field]: `gra${char}ce` };
        const reply = await browser.call('POST', '/v1/client/sign_ups', body);
        expect([codePoint(char), field, reply.status, errorCode(reply), paramName(reply)]).toEqual([codePoint(char), field, 400, 'form_param_format_invalid', field]);
      }
    }
    expect(await browser.client()).toBeNull();
  });

  it('a sign-up PATCH with a right-to-left override in the name is refused', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits });
    const browser = test.browser();
    const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress: 'grace@example.com', password: 'a-long-unusual-phrase' });
    const id = (created.json.response as { id: string }).id;
    const reply = await browser.call('PATCH', `/v1/client/sign_ups/${id}`, { lastName: 'Hopper\u202egpj.exe' });
    expect(errorCode(reply)).toBe('form_param_format_invalid');
    expect(paramName(reply)).toBe('lastName');
    expect((await browser.client())?.signUp?.lastName).toBeNull();
  });

  it('profile names and username: refused, the profile unchanged', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits, settings: { signUp: { fields: { username: 'optional' } } } });
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    for (const char of invisible) {
      for (const field of ['firstName', 'lastName', 'username']) {
        const reply = await browser.call('PATCH', '/v1/me', { [field]: `ad${char}a` });
        expect([codePoint(char), field, reply.status, errorCode(reply), paramName(reply)]).toEqual([codePoint(char), field, 400, 'form_param_format_invalid', field]);
      }
    }
    const user = (await browser.call('GET', '/v1/me')).json.response as UserJSON;
    expect(user).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', username: null });
  });

  it('the sign-in identifier, which the sign-in echoes back for display', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits, settings: { identifiers: { username: true } } });
    const browser = test.browser();
    for (const identifier of ['ada\u200b@example.com', '\u202eada', 'ad\ufeffa']) {
      const reply = await browser.call('POST', '/v1/client/sign_ins', { identifier });
      expect(errorCode(reply)).toBe('form_param_format_invalid');
      expect(paramName(reply)).toBe('identifier');
    }
  });

  it('ordinary names in any script still work', async () => {
    const test = createTestServer({ rateLimits: generousIpLimits });
    await test.server.admin.createUser(ada);
    const browser = test.browser();
    await browser.signInWithPassword(ada.emailAddress, ada.password);
    const reply = await browser.call('PATCH', '/v1/me', { firstName: 'عائشة', lastName: 'Ōtsuka-Müller' });
    expect(reply.json.response).toMatchObject({ firstName: 'عائشة', lastName: 'Ōtsuka-Müller' });
  });
});
