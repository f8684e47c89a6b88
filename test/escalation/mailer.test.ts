import { EscalationMessages as M } from '../../src/escalation/messages';
import { PermanentDeliveryError, RetryableError } from '../../src/escalation/errors';
import { ticketMail } from '../../src/escalation/mail/ticketMail';
import { createMailer } from '../../src/escalation/mailer';
import type { Ticket } from '../../src/escalation/ticket';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../helpers/freePort';
import { startSmtpServer, type TestSmtpServer } from './smtpServer';

const TICKET: Ticket = {
  id: '2b5f0c2e-0000-4000-8000-000000000001',
  number: 'LAKI-2026-0042',
  status: 'open',
  question: 'Wie viel Förderung bekommt unser KI 2026?\r\nBcc: evil@example.org\r\n\r\n<a href="https://evil.example">Klick</a> <script>alert(1)</script>',
  kommune: 'Kreis Soest <b>fett</b>',
  askerName: 'Erika "Muster"\r\nX-Evil: 1',
  askerUserId: '29:erika',
  askerConversationReference: {},
  bestGuessIds: ['foerderung'],
  idempotencyKey: 'k',
  createdAt: new Date('2026-03-10T09:00:00Z'),
  updatedAt: new Date('2026-03-10T09:00:00Z'),
  version: 1,
};
const GUESSES = [{ id: 'foerderung', title: 'Förderung der KI' }];

describe('ticketMail', () => {
  it('should put the ticket number and the first 60 characters of the question, on one line, in the subject', () => {
    const { subject } = ticketMail(TICKET, GUESSES, { channelConfigured: true });
    expect(subject).toBe('[LAKI-2026-0042] Neue Frage: Wie viel Förderung bekommt unser KI 2026? Bcc: evil@example.…');
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('should say in the subject and the body that a mail is sent again after a restart', () => {
    const mail = ticketMail(TICKET, GUESSES, { channelConfigured: true, repeated: true });
    expect(mail.subject).toBe('[LAKI-2026-0042] Erneut gesendet nach einem Neustart: Wie viel Förderung bekommt unser KI 2026? Bcc: evil@example.…');
    expect(mail.text.startsWith(M.mailRepeatedNote)).toBe(true);
    expect(mail.html).toContain(M.mailRepeatedNote);
    expect(ticketMail(TICKET, GUESSES, { channelConfigured: true }).text).not.toContain(M.mailRepeatedNote);
  });

  it('should escape user text in the HTML part', () => {
    const { html } = ticketMail(TICKET, GUESSES, { channelConfigured: true });
    expect(html).not.toContain('<a href="https://evil.example">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>fett</b>');
    expect(html).toContain('&lt;a href=&quot;https://evil.example&quot;&gt;Klick&lt;/a&gt;');
  });

  it('should tell LaKI how to answer depending on whether the channel is configured', () => {
    expect(ticketMail(TICKET, [], { channelConfigured: true }).text).toContain('Ticketkarte im LaKI-Kanal');
    expect(ticketMail(TICKET, [], { channelConfigured: false }).text).toContain('erreicht die fragende Person nicht');
  });
});

describe('createMailer with a real SMTP server', () => {
  let smtp: TestSmtpServer;
  beforeEach(async () => (smtp = await startSmtpServer()));
  afterEach(() => smtp.close());

  it('should deliver the ticket mail with safe headers, plain text and escaped HTML', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'LaKI-Assistent <bot@laki.example>', to: 'inbox@laki.example', channelConfigured: true });
    const { messageId } = await mailer.sendTicketMail(TICKET, GUESSES);
    mailer.close();
    const [mail] = await smtp.waitForMails(1);

    expect(messageId).toBe(`<${TICKET.id}@laki.example>`);
    expect(mail.messageId).toBe(messageId);
    expect(mail.subject).toBe('[LAKI-2026-0042] Neue Frage: Wie viel Förderung bekommt unser KI 2026? Bcc: evil@example.…');
    expect(mail.headers.get('bcc')).toBeUndefined();
    expect(mail.headers.get('x-evil')).toBeUndefined();
    expect(mail.headers.get('x-laki-ticket')).toBe('LAKI-2026-0042');
    expect((mail.to as { text: string }).text).toBe('inbox@laki.example');
    const rawHeaders = smtp.raw[0].split(/\r?\n\r?\n/)[0];
    expect(rawHeaders).not.toMatch(/^(Bcc|X-Evil):/im);
    expect(rawHeaders).toMatch(/^Subject:/m);
    expect(mail.text).toContain('Von: Erika "Muster" X-Evil: 1');
    expect(mail.text).toContain('Bcc: evil@example.org');
    expect(mail.html).not.toMatch(/<a |<script|<b>/i);
    expect(mail.html).toContain('Förderung der KI (foerderung)');
  });

  it('should report an unreachable server as retryable', async () => {
    const port = await freePort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'bot@laki.example', to: 'inbox@laki.example', channelConfigured: false });
    await expect(mailer.sendTicketMail(TICKET, [])).rejects.toThrow(RetryableError);
    mailer.close();
  });

  it('should report a 5xx refusal as permanent', async () => {
    await smtp.close();
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => callback(Object.assign(new Error('Mailbox unknown'), { responseCode: 550 })),
    });
    await new Promise<void>((resolve) => refusing.listen(smtp.port, '127.0.0.1', () => resolve()));
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'bot@laki.example', to: 'nobody@laki.example', channelConfigured: false });
    await expect(mailer.sendTicketMail(TICKET, [])).rejects.toThrow(PermanentDeliveryError);
    mailer.close();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    smtp = await startSmtpServer();
  });
});
