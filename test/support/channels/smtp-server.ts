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
  /** How many mails arrived with each Message-ID (a resend of the same message counts twice under one id). */
  byMessageId(): Map<string, number>;
  /**
   * An outage: stop listening (connections are refused) and drop the open ones; `up()` listens
   * again on the same port.
   */
  down(): void;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** The sinks running in this test process, by URL: registerCitizen finds where a server's mail goes. */
const running = new Map<string, SmtpSink>();

/** The running sink at an SMTP_URL, if this process started it. */
export function smtpSinkAt(url: string | undefined): SmtpSink | undefined {
  return url ? running.get(url) : undefined;
}

/**
 * A local SMTP server (smtp-server) for tests: keeps every message — the plain-text body (`text`,
 * what the one-time-code tests read), the HTML alternative and the attachments, decoded.
 */
export async function startSmtp(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let refused: string | null = null;
  let outage = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 30 * 1024 * 1024,
    onConnect(_session, callback) {
      // A connection accepted just before the outage began: refused like a server going down.
      if (outage) return callback(Object.assign(new Error('service not available'), { responseCode: 421 }));
      callback();
    },
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
  // A client killed mid-send (the fault tests SIGKILL the API) resets its connection: not an error of the server.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  const sink: SmtpSink = {
    url,
    mails,
    refuseRecipient(address) {
      refused = address?.toLowerCase() ?? null;
    },
    byMessageId() {
      const counts = new Map<string, number>();
      for (const mail of mails) if (mail.messageId) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
      return counts;
    },
    down() {
      outage = true;
      server.server.close();
      for (const connection of [...(server as unknown as { connections: Set<{ close(): void }> }).connections]) connection.close();
    },
    up() {
      outage = false;
      return new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.server.listen(port, '127.0.0.1', () => {
          server.server.off('error', reject);
          resolve();
        });
      });
    },
    close: () => {
      running.delete(url);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  running.set(url, sink);
  return sink;
}
