import { signingKeyRefreshMs } from '../core/flows/signing-keys';
import type { LatchAdmin } from '../core/admin';
import { createLatchServer } from '../core/server';
import { commands, ConfigError, envName, loadConfig, settingDescriptions, type AdminCommand, type LatchConfig } from './config';
import { runAdminCommand } from './admin-commands';
import { faultHookVariable, openStoreWithFaultHook } from './fault-hook';
import { batchedLines, createLogger, errorFields, type Logger } from './logger';
import { nodeCrypto } from './crypto/node-crypto';
import { createHashingPool } from './hashing/pool';
import { importUsers } from './import-users';
import { checkEncryptionKey, serve } from './serve';
import { openStore, type ClosableStore } from './store/open-store';
import { webhooksCommand } from './webhooks-cli';

export interface MainOptions {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Resolves when `start` should shut down; default: the first SIGTERM or SIGINT. */
  untilStopped?: () => Promise<unknown>;
}

/**
 * The `latch-server` command: `start` (default), `rotate-keys`, `rotate-encryption-key`, `migrate`, `purge`, `keys`, `users` (`users import` too),
 * `--help`. Resolves to the exit code; a configuration error prints its
 * message and gives 1.
 */
export async function main(argv: readonly string[], env: Record<string, string | undefined>, options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  if (argv[0] === 'webhooks') return runWebhooksCommand(argv.slice(1), env, stdout, stderr);
  let config: LatchConfig;
  try {
    config = loadConfig(argv, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr(`latch-server: ${error.message}\n`);
    return 1;
  }
  try {
    switch (config.command) {
      case 'help':
        stdout(helpText());
        return 0;
      case 'migrate':
        await (await openStore(config.database, config.databaseTimeouts)).close();
        stdout('The database schema is up to date.\n');
        return 0;
      case 'rotate-keys':
        stdout(await rotateKeys(config));
        return 0;
      case 'rotate-encryption-key':
        stdout(await rotateEncryptionKey(config));
        return 0;
      case 'purge':
        stdout(await purge(config));
        return 0;
      case 'keys':
      case 'users':
        if (config.adminCommand?.subcommand === 'import') return await importUsersCommand(config, config.adminCommand.target!, stdout, stderr);
        stdout(await withAdmin(config, (admin) => runAdminCommand(admin, config.command as 'keys' | 'users', config.adminCommand as AdminCommand)));
        return 0;
      case 'start':
        return await start(config, env, stdout, options.untilStopped ?? untilSignal);
    }
  } catch (error) {
    stderr(`latch-server: ${(error as Error).message}\n`);
    return 1;
  }
}

async function start(
  config: LatchConfig,
  env: Record<string, string | undefined>,
  stdout: (text: string) => void,
  untilStopped: () => Promise<unknown>,
): Promise<number> {
  const output = batchedLines(stdout);
  process.once('exit', output.flush);
  try {
    return await runService(config, env, createLogger(output.line, config.logLevel), untilStopped);
  } finally {
    output.flush();
    process.off('exit', output.flush);
  }
}

async function runService(config: LatchConfig, env: Record<string, string | undefined>, logger: Logger, untilStopped: () => Promise<unknown>): Promise<number> {
  const faultyStore = await openStoreWithFaultHook(config.database, env, config.databaseTimeouts);
  if (faultyStore) logger.warn(`test hook ${faultHookVariable} is set: this process will kill itself in the middle of a transaction`);
  const service = await serve({ ...config, logger, store: faultyStore });
  logger.info(`Latch server listening on ${service.url}`, { url: service.url, publicUrl: service.publicUrl, dev: config.dev });
  if (config.dev) logger.warn('development mode: emailed codes are logged and GET /v1/dev/outbox is open; never use --dev / LATCH_DEV in production');
  await untilStopped();
  logger.info('shutting down: finishing requests in flight');
  try {
    await service.close();
    await faultyStore?.close();
  } catch (error) {
    logger.error('shutdown failed', errorFields(error));
    return 1;
  }
  logger.info('stopped');
  return 0;
}

async function runWebhooksCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  stdout: (text: string) => void,
  stderr: (text: string) => void,
): Promise<number> {
  try {
    stdout(await webhooksCommand(argv, env));
    return 0;
  } catch (error) {
    stderr(`latch-server: ${(error as Error).message}\n`);
    return 1;
  }
}

/** Runs one admin task on the configured database and keys; the issuer plays no part, the server only lends its key management. */
async function withAdmin<T>(config: LatchConfig, task: (admin: LatchAdmin, store: ClosableStore) => Promise<T>): Promise<T> {
  checkEncryptionKey(config, config.dev);
  const store = await openStore(config.database, config.databaseTimeouts);
  // The service's own hashing, so imported hashes are checked against the formats it verifies.
  const hashing = createHashingPool(config.hashPool);
  try {
    const { encryptionKey, previousEncryptionKeys, sessionLifetime } = config;
    const latch = createLatchServer({ issuer: 'latch-server', store, crypto: nodeCrypto, hashing, encryptionKey, previousEncryptionKeys, sessionLifetime });
    return await task(latch.admin, store);
  } finally {
    await hashing.close();
    await store.close();
  }
}

async function purge(config: LatchConfig): Promise<string> {
  const report = await withAdmin(config, async (admin, store) => ({ ...(await admin.purgeExpired(config.retention)), counters: await store.purgeExpiredCounters(Date.now()) }));
  return (
    `Deleted ${report.signIns} sign-ins, ${report.signUps} sign-ups, ${report.verifications} email codes, ${report.sessions} ended sessions, ` +
    `${report.clients} idle clients and ${report.counters} expired counters, in ${report.batches} batches.\n`
  );
}

async function importUsersCommand(config: LatchConfig, file: string, stdout: (text: string) => void, stderr: (text: string) => void): Promise<number> {
  const report = await withAdmin(config, (admin, store) =>
    importUsers(admin, store, file, { onError: (line, message) => stderr(`${file}:${line}: ${message}\n`) }),
  );
  const again = report.existing > 0 ? `; ${report.existing} were already imported (same externalId) and left as they are` : '';
  stdout(`Imported ${report.created} of ${report.lines} users from ${file}${again}${report.failed > 0 ? `; ${report.failed} lines had errors (above)` : ''}.\n`);
  return report.failed > 0 ? 2 : 0;
}

async function rotateKeys(config: LatchConfig): Promise<string> {
  const { current, previous } = await withAdmin(config, (admin) => admin.rotateSigningKeys());
  const kept = previous ? `; ${previous} stays published as the previous key` : '';
  return `New signing key ${current}${kept}. Running servers sign with it within ${signingKeyRefreshMs / 1000} seconds.\n`;
}

async function rotateEncryptionKey(config: LatchConfig): Promise<string> {
  if (!config.encryptionKey) throw new ConfigError('rotate-encryption-key needs the new key in LATCH_ENCRYPTION_KEY / --encryption-key.');
  const report = await withAdmin(config, (admin) => admin.resealSecrets());
  return (
    `Re-encrypted with the new key: ${report.users} users' TOTP secrets, ${report.signingKeys} signing keys` +
    `${report.codeKey ? ', the code HMAC key' : ''}. Every secret is now sealed with it; the previous key is no longer needed.\n`
  );
}

/** The first SIGTERM or SIGINT; a second one during shutdown kills the process as usual. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length)) + 2;
  const commandLines = Object.entries(commands).map(([name, text]) => `  ${name.padEnd(width)}${text}`);
  const settingLines = Object.entries(settingDescriptions).map(
    ([name, text]) => `  --${name}, ${envName(name as keyof typeof settingDescriptions)}\n      ${text}`,
  );
  return [
    'latch-server: the Latch authentication server',
    '',
    'Usage: latch-server [command] [--setting value ...]',
    '',
    'Commands:',
    ...commandLines,
    '',
    'Settings (a flag wins over its environment variable):',
    ...settingLines,
    '  --help, -h',
    '      Show this help.',
    '',
  ].join('\n');
}
