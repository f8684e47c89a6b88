import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 that parses every mail it receives. */
export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly mails: ParsedMail[];
  /** Raw messages as received, to check headers byte for byte. */
  readonly raw: string[];
  /**
   * The next mail is received in full (and recorded) but never acknowledged, as when the bot
   * dies right after handing it over; the connection ends on `close`.
   */
  hangNext(): void;
  /** Resolves when `count` mails have arrived. */
  waitForMails(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** Starts the server; pass `port` to reuse a port (an outage test brings it back up there). */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const mails: ParsedMail[] = [];
  const raw: string[] = [];
  let hang = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No DNS here: a reverse lookup of 127.0.0.1 would only add latency.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = Buffer.concat(chunks);
        raw.push(message.toString('utf8'));
        simpleParser(message)
          .then((parsed) => {
            mails.push(parsed);
            if (hang) {
              hang = false;
              return; // never acknowledged
            }
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    mails,
    raw,
    hangNext() {
      hang = true;
    },
    async waitForMails(count, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return mails;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Connections of a hung mail would keep close waiting.
        for (const connection of (server as unknown as { connections?: Set<{ close(): void }> }).connections ?? []) connection.close();
      }),
  };
}
