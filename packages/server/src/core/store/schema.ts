/**
 * The one description of what each kind is indexed by. The MemoryStore reads
 * it, and SQL stores will create their tables and indexes from it, so a new
 * index is declared here once.
 *
 * Unique indexes ignore null values (like SQL's UNIQUE on a nullable column):
 * that is how only *verified* email addresses are unique.
 */
import type { Kind, Records } from './records';

interface KindSchema<K extends Kind> {
  unique: readonly (keyof Records[K] & string)[];
  list: readonly (keyof Records[K] & string)[];
}

export const schema = {
  users: { unique: ['username'], list: [] },
  emailAddresses: { unique: ['verifiedEmail'], list: ['userId'] },
  clients: { unique: ['tokenHash'], list: [] },
  sessions: { unique: [], list: ['userId', 'clientId'] },
  signIns: { unique: [], list: [] },
  signUps: { unique: [], list: [] },
  verifications: { unique: [], list: [] },
  backupCodes: { unique: ['codeHash'], list: ['userId'] },
  signingKeys: { unique: [], list: ['status'] },
  serverSecrets: { unique: [], list: [] },
  secretKeys: { unique: ['keyHash'], list: [] },
  signInTokens: { unique: ['tokenHash'], list: ['userId'] },
  webhookEndpoints: { unique: [], list: [] },
  webhookMessages: { unique: [], list: [] },
  webhookDeliveries: { unique: [], list: ['messageId', 'endpointId', 'orderingKey', 'status'] },
  webhookAttempts: { unique: [], list: ['endpointId', 'messageId'] },
} as const satisfies { [K in Kind]: KindSchema<K> };

export const kinds = Object.keys(schema) as Kind[];

export type UniqueIndex<K extends Kind> = (typeof schema)[K]['unique'][number];
export type ListIndex<K extends Kind> = (typeof schema)[K]['list'][number];
