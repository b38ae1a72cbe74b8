import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SunkMessage {
  from: string;
  to: string[];
  /** The raw message: headers, blank line, body. */
  data: string;
}

/**
 * A tiny SMTP server that accepts everything and keeps it, so the real
 * nodemailer SMTP path can be tested offline. Just enough of RFC 5321 for one
 * plain-text client: no TLS, no auth, no pipelining.
 */
export async function startSmtpSink(): Promise<{ url: string; messages: SunkMessage[]; close(): Promise<void> }> {
  const messages: SunkMessage[] = [];
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let inData = false;
    let message: SunkMessage = { from: '', to: [], data: '' };
    reply('220 sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          messages.push({ ...message, data: buffer.slice(0, end) });
          message = { from: '', to: [], data: '' };
          buffer = buffer.slice(end + 5);
          inData = false;
          reply('250 OK queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        if (verb === 'MAIL') message.from = address;
        if (verb === 'RCPT') message.to.push(address);
        if (verb === 'DATA') inData = true;
        if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else reply(verb === 'DATA' ? '354 End data with <CR><LF>.<CR><LF>' : '250 OK');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
