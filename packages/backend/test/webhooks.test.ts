import { describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError as ReferenceError } from 'standardwebhooks';
import { isWebhookVerificationError, verifyWebhook, type WebhookVerificationReason } from '@latch/backend';
import { newWebhookSecret, signWebhook, webCrypto } from '@latch/server';

const body = JSON.stringify({ type: 'user.created', timestamp: '2026-12-07T10:00:00.000Z', data: { id: 'user_1', firstName: 'Ada' } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Headers as the Latch server sends them, signed with `secrets`, at `timestampSeconds`. */
async function latchSigned(secrets: string[], timestampSeconds = nowSeconds(), payload = body) {
  return signWebhook(webCrypto, secrets, { id: 'msg_0123456789abcd', timestampSeconds, body: payload });
}

async function reason(promise: Promise<unknown>): Promise<WebhookVerificationReason | 'none'> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error;
    return error.reason;
  }
}

describe('verifyWebhook against the standardwebhooks package (the independent reference)', () => {
  it('the reference verifies what the Latch server signs', async () => {
    const secret = newWebhookSecret(webCrypto);
    const headers = await latchSigned([secret]);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    // And refuses it under another secret, or with a changed body.
    expect(() => new Webhook(newWebhookSecret(webCrypto)).verify(body, { ...headers })).toThrow(ReferenceError);
    expect(() => new Webhook(secret).verify(body.replace('Ada', 'Eve'), { ...headers })).toThrow(ReferenceError);
  });

  it('the reference verifies both signatures during a rotation', async () => {
    const [next, previous] = [newWebhookSecret(webCrypto), newWebhookSecret(webCrypto)];
    const headers = await latchSigned([next, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [next, previous]) expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('verifyWebhook verifies what the reference signs, as a Request and as { headers, rawBody }', async () => {
    const secret = newWebhookSecret(webCrypto);
    const reference = new Webhook(secret);
    const timestamp = new Date();
    const headers = {
      'webhook-id': 'msg_reference',
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': reference.sign('msg_reference', timestamp, body),
    };
    const request = new Request('https://app.example/api/webhooks', { method: 'POST', headers, body });
    await expect(verifyWebhook(request, { secret })).resolves.toEqual(JSON.parse(body));
    // Node/Express: lowercase header record and a Buffer.
    await expect(verifyWebhook({ headers: { ...headers }, rawBody: Buffer.from(body) }, { secret })).resolves.toEqual(JSON.parse(body));
    await expect(verifyWebhook({ headers: { ...headers }, rawBody: body }, { secret: [newWebhookSecret(webCrypto), secret] })).resolves.toBeTruthy();
    expect(await reason(verifyWebhook({ headers, rawBody: body }, { secret: newWebhookSecret(webCrypto) }))).toBe('signature_invalid');
  });

  it('agrees with the reference on the 5-minute tolerance, both ways', async () => {
    const secret = newWebhookSecret(webCrypto);
    for (const offset of [-290, 290]) {
      const headers = await latchSigned([secret], nowSeconds() + offset);
      expect(() => new Webhook(secret).verify(body, { ...headers })).not.toThrow();
      await expect(verifyWebhook({ headers, rawBody: body }, { secret })).resolves.toBeTruthy();
    }
    for (const offset of [-310, 310]) {
      const headers = await latchSigned([secret], nowSeconds() + offset);
      expect(() => new Webhook(secret).verify(body, { ...headers })).toThrow(ReferenceError);
      expect(await reason(verifyWebhook({ headers, rawBody: body }, { secret }))).toBe('timestamp_invalid');
    }
  });
});

describe('verifyWebhook errors', () => {
  it('says to use the raw body when the JSON was parsed and serialised again', async () => {
    const secret = newWebhookSecret(webCrypto);
    const headers = await latchSigned([secret]);
    const reserialised = JSON.stringify(JSON.parse(body), null, 2);
    const error = await verifyWebhook({ headers, rawBody: reserialised }, { secret }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'body_altered' });
    expect((error as Error).message).toMatch(/raw body/);
    expect((error as Error).message).toMatch(/express\.raw/);
    // A parsed object handed in as the body (express.json() ran first).
    const parsed = JSON.parse(body) as unknown as string;
    expect(await reason(verifyWebhook({ headers, rawBody: parsed }, { secret }))).toBe('body_not_raw');
    // A Request whose body was already read.
    const request = new Request('https://app.example/hooks', { method: 'POST', headers: { ...headers }, body });
    await request.json();
    expect(await reason(verifyWebhook(request, { secret }))).toBe('body_not_raw');
  });

  it('refuses missing headers, junk timestamps and signatures, bad secrets and other versions', async () => {
    const secret = newWebhookSecret(webCrypto);
    const headers = await latchSigned([secret]);
    expect(await reason(verifyWebhook({ headers: { ...headers, 'webhook-signature': undefined }, rawBody: body }, { secret }))).toBe('headers_missing');
    expect(await reason(verifyWebhook({ headers: { ...headers, 'webhook-timestamp': '1e9' }, rawBody: body }, { secret }))).toBe('timestamp_invalid');
    const value = headers['webhook-signature'].slice(3);
    expect(await reason(verifyWebhook({ headers: { ...headers, 'webhook-signature': `v2,${value}` }, rawBody: body }, { secret }))).toBe('signature_invalid');
    expect(await reason(verifyWebhook({ headers: { ...headers, 'webhook-signature': 'v1,not*base64' }, rawBody: body }, { secret }))).toBe('signature_invalid');
    expect(await reason(verifyWebhook({ headers, rawBody: body }, { secret: 'whsec_***' }))).toBe('secret_invalid');
    expect(await reason(verifyWebhook({ headers, rawBody: body }, { secret: [] }))).toBe('secret_invalid');
    // A signed body that is not JSON is not a Latch webhook.
    const text = await latchSigned([secret], nowSeconds(), 'hello');
    expect(await reason(verifyWebhook({ headers: text, rawBody: 'hello' }, { secret }))).toBe('payload_invalid');
  });
});
