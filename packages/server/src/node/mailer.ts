import type { Mailer, OutgoingEmail } from '../core/flows/context';
import { canonicalEmailAddress } from '../core/flows/email-address';
import type { Logger } from './logger';

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; nodemailer's connection URL. */
  url: string;
  /** The From address, e.g. `Acme <no-reply@acme.example>`. */
  from: string;
}

export interface MailerOptions {
  /** Send through SMTP; without it, emails go to the development outbox. */
  smtp?: SmtpOptions;
  /**
   * Development mode: the outbox prints each email, code included, so a
   * person can finish a sign-up without a mail server. Outside it, the code
   * never reaches the log.
   */
  dev: boolean;
  logger: Logger;
}

export interface ServiceMailer {
  send: Mailer;
  /** The emails the development outbox received, oldest first; null when they went out by SMTP. */
  outbox: readonly OutgoingEmail[] | null;
  close(): void;
}

/** The outbox keeps the latest emails only, so a long dev session does not grow without end. */
const outboxSize = 100;

export async function createMailer(options: MailerOptions): Promise<ServiceMailer> {
  return options.smtp ? smtpMailer(options.smtp, options.logger) : outboxMailer(options.dev, options.logger);
}

/** nodemailer is an optional peer dependency: it is loaded only when SMTP is configured. */
async function smtpMailer(smtp: SmtpOptions, logger: Logger): Promise<ServiceMailer> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(smtp.url);
  return {
    async send(email) {
      // The core only ever hands over one canonical address; refusing anything
      // else here keeps a future caller from smuggling in a list. The envelope
      // is set explicitly, so the RCPT TO is that address and no parse of the
      // To header can add another recipient.
      if (canonicalEmailAddress(email.to) !== email.to) throw new Error('Refusing to send to a recipient that is not one canonical email address');
      const envelope = { from: smtp.from, to: [email.to] };
      await transport.sendMail({ from: smtp.from, to: email.to, envelope, subject: email.subject, text: email.text });
      logger.info('email sent', { kind: email.kind, locale: email.locale });
    },
    outbox: null,
    close: () => transport.close(),
  };
}

function outboxMailer(dev: boolean, logger: Logger): ServiceMailer {
  const outbox: OutgoingEmail[] = [];
  return {
    send(email) {
      if (!dev) {
        logger.warn('email not sent: no SMTP server is configured (set LATCH_SMTP_URL)', { kind: email.kind });
        return;
      }
      outbox.push(email);
      if (outbox.length > outboxSize) outbox.shift();
      const { to, subject, code, link, kind, locale } = email;
      const carried = link ? `link ${link}` : `code ${code ?? '(none)'}`;
      logger.info(`dev outbox: email to ${to}, ${carried}`, { to, subject, code, link, kind, locale });
    },
    outbox,
    close: () => undefined,
  };
}
