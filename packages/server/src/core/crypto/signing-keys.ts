import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { SessionClaims } from '@latch/protocol';
import type { SigningKeyRecord } from '../store/records';
import { randomId } from './random';

const alg = 'ES256';

/** A new ES256 key pair, exported so any store can keep it as JSON. */
export async function generateSigningKey(now: number): Promise<SigningKeyRecord> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const id = randomId('key');
  return {
    id,
    status: 'active',
    alg,
    publicJwk: { ...(await exportJWK(publicKey)), kid: id, alg, use: 'sig' },
    privateJwk: { ...(await exportJWK(privateKey)), kid: id, alg },
    createdAt: now,
  };
}

export async function importPrivateKey(privateJwk: Record<string, unknown>): Promise<CryptoKey> {
  return (await importJWK(privateJwk as JWK, alg)) as CryptoKey;
}

export function signSessionJwt(claims: SessionClaims, key: CryptoKey, kid: string): Promise<string> {
  return new SignJWT({ ...claims }).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
}
