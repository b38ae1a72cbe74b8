import type { LatchAdmin } from '../core/admin';
import { ApiFailure } from '../core/errors';
import type { AdminCommand } from './config';
import { ConfigError } from './config-values';

/**
 * `latch-server keys …` and `latch-server users …`: the admin API's
 * operations on the store directly, for operators with database access.
 * Returns what to print; a refusal (unknown user, taken email) is a
 * ConfigError-style message and exit code 1.
 */
export async function runAdminCommand(admin: LatchAdmin, command: 'keys' | 'users', { subcommand, target = '', options }: AdminCommand): Promise<string> {
  try {
    return command === 'keys' ? await keys(admin, subcommand, target, options) : await users(admin, subcommand, target, options);
  } catch (error) {
    if (error instanceof ApiFailure) throw new ConfigError(`${command} ${subcommand}: ${error.message} (${error.error.code})`);
    throw error;
  }
}

async function keys(admin: LatchAdmin, subcommand: string, target: string, options: AdminCommand['options']): Promise<string> {
  if (subcommand === 'create') {
    const { key, info } = await admin.secretKeys.create(options.name ?? '', options.test ? 'test' : 'live');
    return `Secret key ${info.id} (${info.name}):\n\n  ${key}\n\nIt is shown only this once: store it in your backend's secrets now. Revoke it with: latch-server keys revoke ${info.id}\n`;
  }
  if (subcommand === 'revoke') {
    if (!(await admin.secretKeys.revoke(target))) throw new ConfigError(`keys revoke: no secret key has the id '${target}' (see keys list).`);
    return `Revoked ${target}: requests with it are refused from now on.\n`;
  }
  const list = await admin.secretKeys.list();
  if (list.length === 0) return 'No secret keys. Make one with: latch-server keys create --name <name>\n';
  return table(
    ['ID', 'NAME', 'KEY', 'CREATED', 'STATUS'],
    list.map((key) => [key.id, key.name, key.hint, iso(key.createdAt), key.revokedAt === null ? 'active' : `revoked ${iso(key.revokedAt)}`]),
  );
}

async function users(admin: LatchAdmin, subcommand: string, target: string, options: AdminCommand['options']): Promise<string> {
  if (subcommand === 'list') {
    const page = await admin.users.list({ ...(options.query ? { query: options.query } : {}), limit: options.limit ?? 20 });
    if (page.data.length === 0) return 'No users.\n';
    const rows = page.data.map((user) => [
      user.id,
      user.emailAddresses.find((email) => email.id === user.primaryEmailAddressId)?.emailAddress ?? '',
      [user.firstName, user.lastName].filter(Boolean).join(' '),
      iso(user.createdAt),
      user.banned ? 'banned' : '',
    ]);
    const more = page.nextCursor ? `(more: narrow with --query or raise --limit, up to 100)\n` : '';
    return table(['ID', 'EMAIL', 'NAME', 'CREATED', ''], rows) + more;
  }
  if (subcommand === 'create') {
    const user = await admin.createUser({ emailAddress: options.email ?? '', ...(options.password ? { password: options.password } : {}) });
    return `Created user ${user.id}${user.passwordHash ? ' with a password' : ' without a password (they sign in with an email code)'}.\n`;
  }
  const user = await admin.users.find(target);
  if (!user) throw new ConfigError(`users ${subcommand}: no user has the id, verified email address or username '${target}'.`);
  if (subcommand === 'delete') {
    await admin.users.delete(user.id);
    return `Deleted user ${user.id} with its email addresses and sessions.\n`;
  }
  await (subcommand === 'ban' ? admin.users.ban(user.id) : admin.users.unban(user.id));
  return subcommand === 'ban' ? `Banned user ${user.id}: every session is revoked and signing in is refused.\n` : `Unbanned user ${user.id}.\n`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
