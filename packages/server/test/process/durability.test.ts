import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../helpers';
import { testStoreKind } from '../stores/test-stores';
import { freshDatabase, signUpOver } from './databases';
import { kill, spawnServer, type SpawnedServer } from './spawned-server';

// Kill -9 the server in the middle of a burst of sign-ups and revocations,
// start it again on the same database, and hold it to what it acknowledged:
// every sign-up that got a 2xx exists, every revocation that got a 2xx holds,
// and the signing keys survive. Runs in the sqlite and postgres projects.
const kind = testStoreKind();
const password = 'quiet-morning-tea-42';

function signUp(server: SpawnedServer, email: string): Promise<string | null> {
  return signUpOver(server, email, password);
}

describe.runIf(kind !== 'memory')(`durability on ${kind}: SIGKILL during a burst`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  // Creating and dropping a PostgreSQL database can take a while on a busy machine.
  beforeAll(async () => void (db = await freshDatabase()), 60_000);
  afterAll(async () => db?.drop(), 60_000);

  it('keeps every acknowledged sign-up and revocation, and the signing keys', async () => {
    const first = await spawnServer(db.database);

    // Ten signed-in users whose sessions the burst will revoke.
    const victims: { browser: TestBrowser; sessionId: string; token: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const email = `victim${i}@example.com`;
      expect(await signUp(first, email)).toBe(email);
      const browser = new TestBrowser(first.url);
      const signIn = await browser.signInWithPassword(email, password);
      const minted = await browser.call<{ jwt: string }>('POST', `/v1/client/sessions/${signIn.createdSessionId}/tokens`);
      victims.push({ browser, sessionId: signIn.createdSessionId!, token: minted.json.jwt });
    }
    const jwksBefore = (await (await fetch(`${first.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;

    // The burst: 40 sign-ups and 10 revocations at once. The kill lands once
    // ten sign-ups were acknowledged, while the rest are still in flight.
    let acknowledged = 0;
    let tenDone: () => void;
    const tenAcknowledged = new Promise<void>((resolve) => (tenDone = resolve));
    const signUps = Array.from({ length: 40 }, async (_, i) => {
      const email = await signUp(first, `burst${i}@example.com`);
      if (email && ++acknowledged === 10) tenDone();
      return email;
    });
    const revocations = victims.map(async ({ browser, sessionId }) => {
      const reply = await browser.call('POST', `/v1/client/sessions/${sessionId}/end`).catch(() => null);
      return reply?.status === 200 ? sessionId : null;
    });
    await tenAcknowledged;
    await kill(first);
    const acknowledgedSignUps = (await Promise.all(signUps)).filter((email): email is string => email !== null);
    const acknowledgedRevocations = new Set((await Promise.all(revocations)).filter((id): id is string => id !== null));

    expect(acknowledgedSignUps.length).toBeGreaterThanOrEqual(10);
    expect(acknowledgedSignUps.length).toBeLessThan(40); // the kill did interrupt the burst

    const second = await spawnServer(db.database);
    try {
      for (const email of acknowledgedSignUps) {
        const signIn = await new TestBrowser(second.url).signInWithPassword(email, password);
        expect(signIn.status).toBe('complete');
      }
      for (const victim of victims) {
        // The same browser (its client token), now talking to the restarted server.
        const browser = Object.assign(new TestBrowser(second.url), { token: victim.browser.token });
        const minted = await browser.call('POST', `/v1/client/sessions/${victim.sessionId}/tokens`);
        if (acknowledgedRevocations.has(victim.sessionId)) expect(minted.status).not.toBe(200);
      }
      const jwksAfter = (await (await fetch(`${second.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      expect(jwksAfter.keys.map((key) => key.kid)).toEqual(jwksBefore.keys.map((key) => key.kid));
      // A token signed before the kill still verifies against the restarted server's keys.
      const { payload } = await jwtVerify(victims[0]!.token, createLocalJWKSet(jwksAfter), { currentDate: new Date() });
      expect(payload.sid).toBe(victims[0]!.sessionId);
      console.log(
        `durability (${kind}): ${acknowledgedSignUps.length}/40 sign-ups and ${acknowledgedRevocations.size}/10 revocations acknowledged before SIGKILL; all held after restart`,
      );
    } finally {
      await kill(second);
    }
  }, 120_000);
});
