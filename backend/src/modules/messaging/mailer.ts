import { writeDevMessage } from './dev-outbox';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail: SMTP (nodemailer) when SMTP_URL is set, else a dev mailbox in DATA_DIR/outbox/mail. */
export abstract class Mailer {
  abstract send(mail: Mail): Promise<void>;
}

export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;
  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport(smtpUrl);
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
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

  async send(mail: Mail): Promise<void> {
    await writeDevMessage(this.dir, { from: this.from, ...mail, at: new Date().toISOString() });
    this.logger.log(`Mail "${mail.subject}" written to ${this.dir}`);
  }
}

export function createMailer(config: AppConfig): Mailer {
  const { smtpUrl, mailFrom } = config.identity;
  return smtpUrl ? new SmtpMailer(smtpUrl, mailFrom) : new DevMailbox(join(config.dataDir, 'outbox', 'mail'), mailFrom);
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
