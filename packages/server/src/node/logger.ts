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
export function createLogger(
  write: (line: string, level: LogLevel) => void = (line) => void process.stdout.write(`${line}\n`),
  minLevel: LogLevel = 'info',
): Logger {
  const log = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (severity[level] < severity[minLevel]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }), level);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** What an unexpected error can say in a log line. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.message, errorName: error.name, stack: error.stack };
  return { error: String(error) };
}

/**
 * Log lines gathered for the rest of the event-loop turn and written with one
 * call. stdout to a pipe or a file is a synchronous write in Node, one system
 * call per line: under load, a line per request cost the server about a tenth
 * of its time. Warnings and errors are written at once (with whatever waits
 * before them), so a crash right after one cannot lose it; `flush` writes the rest.
 */
export function batchedLines(write: (text: string) => void): { line: (line: string, level: LogLevel) => void; flush: () => void } {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const text = pending;
    pending = '';
    write(text);
  };
  const line = (text: string, level: LogLevel) => {
    pending += `${text}\n`;
    if (severity[level] >= severity.warn) return flush();
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { line, flush };
}
