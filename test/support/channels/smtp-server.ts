import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, ParsedMail } from './mime';

/** One mail as the SMTP server received it, decoded. */
export interface ReceivedMail extends ParsedMail {
  /** Envelope recipients. */
  to: string[];
  /** The message as sent (for anything the decoded fields leave out). */
  raw: Buffer;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:port — what SMTP_URL takes. */
  url: string;
  mails: ReceivedMail[];
  /** Answer RCPT TO for this address with 550 from now on (a mailbox that does not exist); `null` accepts all again. */
  refuseRecipient(address: string | null): void;
  close(): Promise<void>;
}

/**
 * A local SMTP server (smtp-server) for tests: keeps every message — the plain-text body (`text`,
 * what the one-time-code tests read), the HTML alternative and the attachments, decoded.
 */
export async function startSmtp(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let refused: string | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 30 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (refused && address.address.toLowerCase() === refused) {
        return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, ...parseMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseRecipient(address) {
      refused = address?.toLowerCase() ?? null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
