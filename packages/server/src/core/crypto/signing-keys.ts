import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { SessionClaims } from '@latch/protocol';
import type { SigningKeyRecord } from '../store/records';
import type { SessionJwtSigner } from './server-crypto';
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

/** The session JWT signer on WebCrypto (through jose), for hosts whose crypto brings none of its own. */
export async function joseSessionJwtSigner(privateJwk: Record<string, unknown>, kid: string): Promise<SessionJwtSigner> {
  const key = (await importJWK(privateJwk as JWK, alg)) as CryptoKey;
  return (claims: SessionClaims) => new SignJWT({ ...claims }).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
}
