import { parseArgs } from 'node:util';
import { ApiFailure } from '../core/errors';
import { createLatchServer } from '../core/server';
import { parseSince } from '../core/webhooks/admin-routes';
import type { WebhookAttemptJSON, WebhookEndpointJSON } from '../core/webhooks/endpoints';
import type { LatchWebhooks } from '../core/webhooks/webhooks';
import { ConfigError, loadConfig, type LatchConfig } from './config';
import { nodeCrypto } from './crypto/node-crypto';
import { checkEncryptionKey } from './serve';
import { openStore } from './store/open-store';

/** The flags only `webhooks` takes; every other flag is a setting (database, keys) as for `start`. */
const webhookFlags = {
  events: { type: 'string' },
  description: { type: 'string' },
  since: { type: 'string' },
  endpoint: { type: 'string' },
  limit: { type: 'string' },
} as const;

const usage =
  'Usage: latch-server webhooks add <url> [--events user.created,…] [--description text] | list | remove <id> | rotate-secret <id> | enable <id> | replay <message-id> [--endpoint <id>] | replay --since <time> [--endpoint <id>] | deliveries <endpoint-id> [--limit n]';

/**
 * `latch-server webhooks …`: endpoint management on the configured database,
 * as the admin API does it. Resolves to the text to print; a usage mistake
 * is a ConfigError.
 */
export async function webhooksCommand(argv: readonly string[], env: Record<string, string | undefined>): Promise<string> {
  const { own, rest } = splitFlags(argv);
  const [action, target, ...extra] = own.positionals;
  if (extra.length > 0) throw new ConfigError(`Unexpected argument '${extra[0]}'. ${usage}`);
  const config = loadConfig(rest, env);
  const need = (what: string) => {
    if (!target) throw new ConfigError(`webhooks ${action} needs ${what}. ${usage}`);
    return target;
  };
  return withWebhooks(config, async (webhooks) => {
    try {
      switch (action) {
        case 'add': {
          const events = own.values.events?.split(',').map((event) => event.trim()).filter(Boolean);
          const { endpoint, secret } = await webhooks.add({ url: need('a URL'), ...(events ? { events } : {}), description: own.values.description ?? null });
          return `Added ${describeEndpoint(endpoint)}\nSigning secret (shown once; keep it with the receiving app): ${secret}\n`;
        }
        case 'list': {
          const endpoints = await webhooks.list();
          return endpoints.length === 0 ? 'No webhook endpoints.\n' : endpoints.map((endpoint) => `${describeEndpoint(endpoint)}\n`).join('');
        }
        case 'remove':
          await webhooks.remove(need('an endpoint id'));
          return `Removed ${target} and its delivery log.\n`;
        case 'rotate-secret': {
          const { endpoint, secret } = await webhooks.rotateSecret(need('an endpoint id'));
          const until = endpoint.previousSecretExpiresAt ? new Date(endpoint.previousSecretExpiresAt).toISOString() : 'now';
          return `New signing secret for ${endpoint.id}: ${secret}\nThe previous secret also signs every message until ${until}: update the receiver before then.\n`;
        }
        case 'enable': {
          const { endpoint, requeued } = await webhooks.enable(need('an endpoint id'));
          return `Enabled ${endpoint.id}; ${requeued} failed deliveries are queued again.\n`;
        }
        case 'replay': {
          const endpointId = own.values.endpoint;
          if (own.values.since !== undefined) {
            if (target) throw new ConfigError(`Give a message id or --since, not both. ${usage}`);
            const queued = await webhooks.replaySince(parseSince(own.values.since), endpointId);
            return `Queued ${queued} deliveries of the messages since ${new Date(parseSince(own.values.since)).toISOString()}.\n`;
          }
          const queued = await webhooks.replay(need('a message id or --since <time>'), endpointId);
          return `Queued ${queued} deliveries of ${target}.\n`;
        }
        case 'deliveries': {
          const limit = own.values.limit === undefined ? 50 : Number(own.values.limit);
          if (!Number.isInteger(limit) || limit < 1) throw new ConfigError('--limit must be a positive whole number.');
          const attempts = await webhooks.attempts(need('an endpoint id'), limit);
          return attempts.length === 0 ? 'No delivery attempts yet.\n' : attempts.map((attempt) => `${describeAttempt(attempt)}\n`).join('');
        }
        default:
          throw new ConfigError(action ? `Unknown webhooks action '${action}'. ${usage}` : usage);
      }
    } catch (error) {
      // Not-found and bad-input failures are the operator's to fix: say them plainly.
      if (error instanceof ApiFailure) throw new ConfigError(error.message);
      throw error;
    }
  });
}

function splitFlags(argv: readonly string[]) {
  const mine: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : null;
    if (name !== null && Object.hasOwn(webhookFlags, name)) {
      mine.push(arg);
      if (!arg.includes('=') && i + 1 < argv.length) mine.push(argv[++i]!);
    } else if (name !== null) {
      rest.push(arg);
      if (!arg.includes('=') && name !== 'dev' && i + 1 < argv.length) rest.push(argv[++i]!);
    } else {
      mine.push(arg);
    }
  }
  try {
    return { own: parseArgs({ args: mine, options: webhookFlags, allowPositionals: true, strict: true }), rest };
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} ${usage}`);
  }
}

async function withWebhooks<T>(config: LatchConfig, task: (webhooks: LatchWebhooks) => Promise<T>): Promise<T> {
  checkEncryptionKey(config, config.dev);
  const store = await openStore(config.database, config.databaseTimeouts);
  try {
    const { encryptionKey, previousEncryptionKeys } = config;
    const latch = createLatchServer({ issuer: 'latch-server', store, crypto: nodeCrypto, encryptionKey, previousEncryptionKeys, webhooks: { allowLocalhost: config.dev } });
    return await task(latch.webhooks);
  } finally {
    await store.close();
  }
}

function describeEndpoint(endpoint: WebhookEndpointJSON): string {
  const rotating = endpoint.previousSecretExpiresAt ? `, previous secret until ${new Date(endpoint.previousSecretExpiresAt).toISOString()}` : '';
  const description = endpoint.description ? ` (${endpoint.description})` : '';
  return `${endpoint.id} ${endpoint.status} ${endpoint.url}${description} events: ${endpoint.events.join(',')}${rotating}`;
}

function describeAttempt(attempt: WebhookAttemptJSON): string {
  const status = attempt.responseStatus === null ? 'no response' : `HTTP ${attempt.responseStatus}`;
  const error = attempt.error && attempt.outcome === 'failed' ? ` ${attempt.error}` : '';
  return `${new Date(attempt.createdAt).toISOString()} ${attempt.messageId} ${attempt.eventType ?? '?'} attempt ${attempt.attempt} ${attempt.outcome} ${status} ${attempt.durationMs} ms${error}`;
}
