import { afterEach, describe, expect, it } from 'vitest';
import type { SignUpJSON } from '@latch/protocol';
import { codeEmail, emailLocales, type OutgoingEmail } from '../../src/index';
import { createLogger } from '../../src/node/index';
import { createMailer } from '../../src/node/mailer';
import { startService, type TestService } from './helpers';
import { startSmtpSink } from './smtp-sink';

const grace = { emailAddress: 'grace@example.com', password: 'cobol-compiler-1959' };

describe('email', () => {
  let running: TestService | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  /** Starts a sign-up and asks for its code; returns the sign-up. */
  async function requestCode(test: TestService, headers: Record<string, string> = {}): Promise<SignUpJSON> {
    const browser = test.client(headers);
    const created = await browser.call('POST', '/v1/client/sign_ups', grace);
    const signUp = created.json.response as SignUpJSON;
    const prepared = await browser.call('POST', `/v1/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    expect(prepared.status).toBe(200);
    return signUp;
  }

  describe('development outbox', () => {
    it('prints each email with its code to the log and serves them at /v1/dev/outbox, newest last', async () => {
      running = await startService({ dev: true });
      await requestCode(running);
      await requestCode(running, { 'accept-language': 'de-CH, de;q=0.9' });
      const outbox = (await (await fetch(`${running.service.url}/v1/dev/outbox`)).json()) as OutgoingEmail[];
      expect(outbox.map((email) => [email.to, email.kind, email.locale])).toEqual([
        ['grace@example.com', 'sign_up_code', 'en'],
        ['grace@example.com', 'sign_up_code', 'de'],
      ]);
      const [first, second] = outbox;
      expect(second?.subject).toBe('Ihr Registrierungscode für Latch');
      const printed = running.entries().filter((entry) => entry.kind === 'sign_up_code');
      expect(printed.map((entry) => entry.code)).toEqual([first?.code, second?.code]);
      expect(printed[0]?.msg).toBe(`dev outbox: email to grace@example.com, code ${first?.code}`);
    });

    it('lists an email link with the rest, and prints it, so a person can open it locally', async () => {
      running = await startService({ dev: true, settings: { emailVerification: { method: 'link' } } });
      const browser = running.client();
      const created = await browser.call('POST', '/v1/client/sign_ups', grace);
      const id = (created.json.response as SignUpJSON).id;
      const prepared = await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_link', redirectUrl: '/sign-up/verify' });
      expect(prepared.status).toBe(200);
      const [email] = (await (await fetch(`${running.service.url}/v1/dev/outbox`)).json()) as OutgoingEmail[];
      expect(email).toMatchObject({ kind: 'sign_up_link', to: grace.emailAddress });
      // A path is resolved against the server's public URL.
      expect(new URL(email?.link ?? '').pathname).toBe('/sign-up/verify');
      expect(new URL(email?.link ?? '').searchParams.get('latch_link')).toMatch(/^lnk_/);
      expect(running.entries().find((entry) => entry.kind === 'sign_up_link')?.msg).toBe(`dev outbox: email to grace@example.com, link ${email?.link}`);
      const token = new URL(email?.link ?? '').searchParams.get('latch_link');
      const used = await browser.call('POST', '/v1/email_links/verify', { token });
      expect(used.json.response).toMatchObject({ purpose: 'sign_up', completesIn: 'here' });
      expect(((await browser.call('GET', `/v1/client/sign_ups/${id}`)).json.response as SignUpJSON).status).toBe('complete');
    });

    it('lets a person finish a sign-up with the code from the log', async () => {
      running = await startService({ dev: true });
      const browser = running.client();
      const created = await browser.call('POST', '/v1/client/sign_ups', grace);
      const id = (created.json.response as SignUpJSON).id;
      await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
      const code = running.entries().find((entry) => entry.kind === 'sign_up_code')?.code;
      expect(code).toMatch(/^\d{6}$/);
      const done = await browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code });
      expect(done.json.response).toMatchObject({ status: 'complete' });
    });

    it('is off unless asked for, and serve() refuses it on a public URL that is not localhost', async () => {
      running = await startService({ dev: undefined });
      await requestCode(running);
      expect((await fetch(`${running.service.url}/v1/dev/outbox`)).status).toBe(404);
      await running.close();
      running = undefined;
      await expect(startService({ dev: true, publicUrl: 'https://auth.example.com' })).rejects.toThrow(
        /^Development mode \(dev: true\) is only allowed when the public URL is localhost/,
      );
    });

    it('is closed outside development mode: 404, and no code in the log', async () => {
      running = await startService({ dev: false });
      await requestCode(running);
      expect((await fetch(`${running.service.url}/v1/dev/outbox`)).status).toBe(404);
      const warning = running.entries().find((entry) => entry.kind === 'sign_up_code');
      expect(warning).toMatchObject({ level: 'warn', msg: 'email not sent: no SMTP server is configured (set LATCH_SMTP_URL)' });
      expect(running.logs.join('\n')).not.toMatch(/\b\d{6}\b/);
    });
  });

  describe('localized plain text', () => {
    it('has a subject and a body with the code and its lifetime in every locale', () => {
      for (const locale of emailLocales) {
        const email = codeEmail('sign_in_code', { appName: 'Acme', code: '482913', minutes: 10, acceptLanguage: locale });
        expect(email.locale).toBe(locale);
        expect(email.subject).toContain('Acme');
        expect(email.text).toContain('482913');
        expect(email.text).toContain('10');
        expect(email.text).not.toMatch(/<[a-z]/i);
      }
    });

    it('follows Accept-Language by quality, by primary subtag, and falls back to English', () => {
      const pick = (acceptLanguage: string | null) =>
        codeEmail('sign_up_code', { appName: 'Acme', code: '1', minutes: 10, acceptLanguage }).locale;
      expect(pick('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
      expect(pick('zz, ja;q=0.5, es;q=0.7')).toBe('es');
      expect(pick('ar-EG')).toBe('ar');
      expect(pick('fr;q=0, de')).toBe('de');
      expect(pick('pt-BR, *')).toBe('en');
      expect(pick(null)).toBe('en');
      expect(codeEmail('verify_email_code', { appName: 'Acme', code: '1', minutes: 10, acceptLanguage: 'ja' }).subject).toBe(
        'Acme のメールアドレスを確認してください',
      );
    });
  });

  describe('SMTP', () => {
    it('sends plain-text email through SMTP, and a person signs up with the code it carried', async () => {
      const sink = await startSmtpSink();
      try {
        running = await startService({ dev: true, smtp: { url: sink.url, from: 'Acme <no-reply@acme.example>' } });
        const browser = running.client();
        const created = await browser.call('POST', '/v1/client/sign_ups', grace);
        const id = (created.json.response as SignUpJSON).id;
        await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
        expect(sink.messages).toHaveLength(1);
        const [message] = sink.messages;
        expect(message?.from).toBe('no-reply@acme.example');
        expect(message?.to).toEqual(['grace@example.com']);
        expect(message?.data).toMatch(/^Subject: Your Latch sign-up code$/m);
        expect(message?.data).toMatch(/^Content-Type: text\/plain/m);
        expect(message?.data).not.toContain('text/html');
        const code = /Your code is (\d{6})\./.exec(message?.data ?? '')?.[1] ?? '';
        const done = await browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { code });
        expect(done.json.response).toMatchObject({ status: 'complete' });
        // SMTP mode keeps codes out of the log and has no outbox, even in development.
        expect(running.logs.join('\n')).not.toContain(code);
        expect((await fetch(`${running.service.url}/v1/dev/outbox`)).status).toBe(404);
      } finally {
        await sink.close();
      }
    });

    it('list, display-name and header-injection addresses never reach a second mailbox', async () => {
      const sink = await startSmtpSink();
      try {
        running = await startService({ dev: false, smtp: { url: sink.url, from: 'Acme <no-reply@acme.example>' } });
        const hostile = [
          'a@x.com, b@y.com',
          '"a@x.com"<b@y.com>',
          'a@x.com\r\nBcc: c@z.com',
          // One "@" each, as a loose check lets through:
          'x,b@y.com',
          '"x"<b@y.com>',
          'x<b@y.com>',
          'b@y.com(x)',
          'b@y.com,x.com',
        ];
        for (const emailAddress of [...hostile, 'a@x.com']) {
          const browser = running.client();
          const created = await browser.call('POST', '/v1/client/sign_ups', { emailAddress, password: 'cobol-compiler-1959' });
          const id = (created.json.response as SignUpJSON | undefined)?.id;
          if (id) await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
        }
        expect(sink.messages.map((message) => message.to)).toEqual([['a@x.com']]);
        expect(sink.messages[0]?.data).toMatch(/^To: a@x\.com$/m);
        expect(sink.messages[0]?.data).not.toMatch(/^(Bcc|Cc):/im);
      } finally {
        await sink.close();
      }
    });

    it('the SMTP mailer itself refuses a recipient that is not one canonical address, and sends nothing', async () => {
      const sink = await startSmtpSink();
      const mailer = await createMailer({ smtp: { url: sink.url, from: 'no-reply@acme.example' }, dev: false, logger: createLogger(() => undefined) });
      try {
        for (const to of ['a@x.com, b@y.com', 'A@x.com', '"a"@x.com', 'a@x.com\r\nBcc: c@z.com']) {
          await expect(mailer.send({ to, subject: 's', text: 't', kind: 'sign_in_code', locale: 'en' })).rejects.toThrow(/one canonical email address/);
        }
        await mailer.send({ to: 'a@x.com', subject: 's', text: 't', kind: 'sign_in_code', locale: 'en' });
        expect(sink.messages.map((message) => message.to)).toEqual([['a@x.com']]);
      } finally {
        mailer.close();
        await sink.close();
      }
    });

    it('answers 500 and logs the failure when the SMTP server cannot be reached', async () => {
      running = await startService({ dev: false, smtp: { url: 'smtp://127.0.0.1:1', from: 'a@example.com' } });
      const browser = running.client();
      const created = await browser.call('POST', '/v1/client/sign_ups', grace);
      const id = (created.json.response as SignUpJSON).id;
      const prepared = await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
      expect(prepared.status).toBe(500);
      expect(running.entries().find((entry) => entry.level === 'error')).toMatchObject({ msg: 'unexpected error' });
    });
  });
});
