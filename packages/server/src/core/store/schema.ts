/**
 * The one description of what each kind is indexed by. The MemoryStore reads
 * it, and SQL stores will create their tables and indexes from it, so a new
 * index is declared here once.
 *
 * Unique indexes ignore null values (like SQL's UNIQUE on a nullable column):
 * that is how only *verified* email addresses are unique.
 */
import type { Kind, Records, SessionRecord } from './records';

/** Index values that are no field of the record but computed from it. */
export const computedFields = {
  sessions: {
    /** The user, while the session's stored status is active: listing a user's live sessions skips the ended ones. */
    liveUserId: (session: SessionRecord) => (session.status === 'active' ? session.userId : null),
  },
} as const;

type ComputedField<K extends Kind> = K extends keyof typeof computedFields ? keyof (typeof computedFields)[K] & string : never;

type NumberField<K extends Kind> = { [F in keyof Records[K]]: Records[K][F] extends number ? F : never }[keyof Records[K]] & string;

interface KindSchema<K extends Kind> {
  unique: readonly (keyof Records[K] & string)[];
  list: readonly ((keyof Records[K] & string) | ComputedField<K>)[];
  /** Timestamps (ms) the retention sweep finds old records by (`listBefore`, `deleteBefore`). */
  time?: readonly NumberField<K>[];
}

export const schema = {
  users: { unique: ['username', 'externalId'], list: [] },
  emailAddresses: { unique: ['verifiedEmail'], list: ['userId'] },
  clients: { unique: ['tokenHash'], list: [], time: ['updatedAt'] },
  sessions: { unique: [], list: ['userId', 'clientId', 'liveUserId'], time: ['lastActiveAt'] },
  signIns: { unique: [], list: [], time: ['expireAt'] },
  signUps: { unique: [], list: [], time: ['expireAt'] },
  verifications: { unique: [], list: [], time: ['expiresAt'] },
  backupCodes: { unique: ['codeHash'], list: ['userId'] },
  signingKeys: { unique: [], list: ['status'] },
  serverSecrets: { unique: [], list: [] },
  secretKeys: { unique: ['keyHash'], list: [] },
  signInTokens: { unique: ['tokenHash'], list: ['userId'] },
  webhookEndpoints: { unique: [], list: [] },
  webhookMessages: { unique: [], list: [] },
  webhookDeliveries: { unique: [], list: ['messageId', 'endpointId', 'orderingKey', 'status'] },
  webhookAttempts: { unique: [], list: ['endpointId', 'messageId'] },
  passkeys: { unique: ['credentialId'], list: ['userId'] },
  passkeyChallenges: { unique: ['challengeHash'], list: ['clientId'], time: ['expiresAt'] },
  externalAccounts: { unique: ['providerKey'], list: ['userId'] },
  oauthAttempts: { unique: ['stateHash'], list: [], time: ['expiresAt'] },
} as const satisfies { [K in Kind]: KindSchema<K> };

export const kinds = Object.keys(schema) as Kind[];

export type UniqueIndex<K extends Kind> = (typeof schema)[K]['unique'][number];
export type ListIndex<K extends Kind> = (typeof schema)[K]['list'][number];
export type TimeIndex<K extends Kind> = (typeof schema)[K] extends { time: readonly (infer F extends string)[] } ? F : never;

/**
 * Index fields added after the first schema, whose SQL columns the database
 * computes from the record's JSON (generated columns): the SQL stores never
 * write them, so adding one takes a migration and nothing else.
 */
export const generatedFields: { readonly [K in Kind]?: readonly string[] } = {
  users: ['externalId'],
  clients: ['updatedAt'],
  sessions: ['liveUserId', 'lastActiveAt'],
  signIns: ['expireAt'],
  signUps: ['expireAt'],
  verifications: ['expiresAt'],
  passkeyChallenges: ['expiresAt'],
  externalAccounts: ['providerKey', 'userId'],
  oauthAttempts: ['stateHash', 'expiresAt'],
};

/** An index value of a record: the field, or what `computedFields` makes of the record. */
export function indexValue(kind: Kind, record: object, field: string): unknown {
  const compute = (computedFields as Record<string, Record<string, (record: never) => unknown> | undefined>)[kind]?.[field];
  return compute ? compute(record as never) : (record as Record<string, unknown>)[field];
}
