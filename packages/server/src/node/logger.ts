export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/**
 * Structured logs: one JSON object per line, with `time`, `level` and `msg`
 * first. Callers pass only fields they chose to log; nothing logs a request's
 * headers or body, which is how tokens, passwords and cookies stay out.
 */
export interface Logger {
  /** What is normal on the internet but may help a diagnosis, such as a client that went away mid-request. */
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const severity: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A logger that writes JSON lines to `write` (stdout by default), from `minLevel` (default info) up. */
export function createLogger(write: (line: string) => void = (line) => void process.stdout.write(`${line}\n`), minLevel: LogLevel = 'info'): Logger {
  const log = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (severity[level] < severity[minLevel]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** What an unexpected error can say in a log line. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.message, errorName: error.name, stack: error.stack };
  return { error: String(error) };
}
