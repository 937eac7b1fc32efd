import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';
import { writeDevMessage } from './dev-outbox';
import { RateLimiter } from './rate-limiter';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface Mail {
  to: string;
  subject: string;
  /** The plain-text body (always sent: mail clients without HTML and screen readers read it). */
  text: string;
  /** An HTML alternative of `text`. */
  html?: string;
  attachments?: MailAttachment[];
  /**
   * The Message-ID header (`<local@domain>`), when the caller keeps one per message so that a
   * resend after a crash is recognisably the same mail; else the transport makes one up.
   */
  messageId?: string;
}

/** Sends e-mail: SMTP (nodemailer) when SMTP_URL is set, else a dev mailbox in DATA_DIR/outbox/mail. */
export abstract class Mailer {
  /** Resolves with the Message-ID the mail went out with (null when the transport gives none). */
  abstract send(mail: Mail): Promise<{ messageId: string | null }>;

  /** Releases connections (at shutdown). */
  async close(): Promise<void> {}
}

export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;
  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly limiter?: RateLimiter,
  ) {
    super();
    this.transport = createTransport(smtpUrl);
  }

  async send(mail: Mail): Promise<{ messageId: string | null }> {
    await this.limiter?.take();
    const info = await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
    });
    return { messageId: typeof info.messageId === 'string' && info.messageId ? info.messageId : null };
  }

  override async close(): Promise<void> {
    this.transport.close();
  }
}

export class DevMailbox extends Mailer {
  private readonly logger = new Logger('Mail');
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    super();
  }

  async send(mail: Mail): Promise<{ messageId: string | null }> {
    const messageId = mail.messageId ?? `<${randomUUID()}@dev-mailbox.otklik.local>`;
    const { attachments, ...rest } = mail;
    await writeDevMessage(this.dir, {
      messageId,
      from: this.from,
      ...rest,
      // Names and sizes only: the mailbox is for reading what was sent, not for keeping files.
      attachments: attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length })),
      at: new Date().toISOString(),
    });
    this.logger.log(`Mail "${mail.subject}" written to ${this.dir}`);
    return { messageId };
  }
}

export function createMailer(config: AppConfig): Mailer {
  const { smtpUrl, mailFrom } = config.identity;
  if (!smtpUrl) return new DevMailbox(join(config.dataDir, 'outbox', 'mail'), mailFrom);
  return new SmtpMailer(smtpUrl, mailFrom, new RateLimiter({ perSecond: config.messaging.rates.smtpPerSecond }));
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
