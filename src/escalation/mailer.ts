/**
 * Sends ticket mails to the LaKI inbox over SMTP (nodemailer). Maps SMTP failures to the
 * outbox's error types: connection problems and 4xx replies are retried, 5xx replies fail.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { PermanentDeliveryError, RetryableError } from './errors';
import { type BestGuess, ticketMail } from './mail/ticketMail';
import type { Ticket } from './ticket';

export interface MailerSettings {
  /** e.g. `smtp://user:pass@mail.example.de:587` or `smtps://…:465`. */
  readonly smtpUrl: string;
  /** Sender, e.g. `LaKI-Assistent <laki-assistent@example.de>`. */
  readonly from: string;
  /** The LaKI inbox. */
  readonly to: string;
  /** Whether tickets also go to the Teams channel (changes the "how to answer" line). */
  readonly channelConfigured: boolean;
}

export interface Mailer {
  /**
   * Sends the mail for a new ticket; resolves to the Message-ID used. `repeated`: sent again
   * because a restart left unclear whether the first mail went out (the subject says so).
   */
  sendTicketMail(ticket: Ticket, bestGuesses: readonly BestGuess[], options?: { repeated?: boolean }): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * Creates the mailer. The Message-ID is derived from the ticket id, so a mail sent twice (a
 * retry after a lost SMTP reply) carries the same id and mail clients can merge the copies.
 */
export function createMailer(settings: MailerSettings, transport?: Transporter): Mailer {
  const transporter =
    transport ??
    nodemailer.createTransport({
      url: settings.smtpUrl,
      // Fail fast when the server is unreachable; the outbox retries with backoff.
      connectionTimeout: 15000,
      greetingTimeout: 15000,
      socketTimeout: 60000,
    } as nodemailer.TransportOptions);
  const domain = /@([^>\s]+)>?\s*$/.exec(settings.from)?.[1] ?? 'laki-assistent.invalid';
  return {
    async sendTicketMail(ticket, bestGuesses, options = {}) {
      const mail = ticketMail(ticket, bestGuesses, { channelConfigured: settings.channelConfigured, repeated: options.repeated });
      const messageId = `<${ticket.id}@${domain}>`;
      try {
        await transporter.sendMail({
          from: settings.from,
          to: settings.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          headers: { 'X-LaKI-Ticket': ticket.number },
        });
      } catch (error) {
        throw toDeliveryError(error);
      }
      return { messageId };
    },
    close: () => transporter.close(),
  };
}

/** SMTP reply 5xx: the server refuses for good (unknown mailbox, policy). Anything else may pass later. */
function toDeliveryError(error: unknown): Error {
  const responseCode = (error as { responseCode?: number }).responseCode;
  const message = `SMTP: ${error instanceof Error ? error.message : String(error)}`;
  if (typeof responseCode === 'number' && responseCode >= 500) return new PermanentDeliveryError(message, { cause: error });
  // The connection broke while the message was being handed over, before the server's reply: it
  // may have been accepted. Failures before DATA (refused connection, login) are known failures.
  const outcomeUnknown = typeof responseCode !== 'number' && (error as { command?: string }).command === 'DATA';
  return new RetryableError(message, undefined, { cause: error, outcomeUnknown });
}
