import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { simpleParser, ParsedMail } from 'mailparser';
import { EntityManager } from 'typeorm';
import { APPEAL_TEXT_PATTERN, Role } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Actor } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealIntakeService } from '../appeals/appeal-intake.service';
import { AppealMessagesService } from '../appeals/appeal-messages.service';
import { AppealStore } from '../appeals/appeal.repository';
import { AttachmentUploadService } from '../attachments/attachment-upload.service';
import { Mailer } from '../messaging/mailer';
import { DispatchedEvent } from '../outbox/domain-event';
import { EventConsumer, EventConsumers } from '../outbox/event-consumers';
import { OutboxService } from '../outbox/outbox.service';
import { UserAccounts, normalizeEmail } from '../users/user-accounts.repository';
import { InboundMail } from './inbound-mail.entity';

const SUBJECT_MAX = 200;
const TEXT_MAX = 5000;

/** «№ 123» in a subject («Re: Обращение № 123 …»): the appeal a reply to a notice is about. */
const NUMBER_IN_SUBJECT = /№\s*(\d{1,15})\b/;
/** A reply token in the recipient address: appeal+123@… */
const NUMBER_IN_ADDRESS = /\+(\d{1,15})@/;

/**
 * E-mail intake (issue 18). The SMTP listener hands each mail to `accept`, which stores it with its
 * `mail.received` event in one transaction. The consumer then decides, once per mail:
 * - a reply to a notice (the appeal's number in the subject, or appeal+N@ in the address) from
 *   that appeal's citizen → a message in its thread, with the mail's files;
 * - any other mail from a citizen's verified address → their appeal (channel `email`) in the
 *   general pool, with the files that pass the attachment rules;
 * - an unknown or unverified sender → an answer explaining how to file (since 30.03.2025 an
 *   electronic appeal counts only from an identified author) and nothing else.
 * The effect and the mail's new status commit together; the thread message is idempotent by the
 * mail's id; so a retry after a crash neither loses the mail nor files it twice.
 */
@Injectable()
export class MailIntakeService implements OnModuleInit, EventConsumer<'mail.received'> {
  readonly name = 'mail-intake';
  readonly events = ['mail.received'] as const;
  private readonly logger = new Logger(MailIntakeService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly consumers: EventConsumers,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly accounts: UserAccounts,
    private readonly intake: AppealIntakeService,
    private readonly messages: AppealMessagesService,
    private readonly appeals: AppealStore,
    private readonly uploads: AttachmentUploadService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  /** Stores a received mail and its event in one transaction; the same Message-ID again is accepted and dropped. */
  async accept(raw: Buffer): Promise<{ id: string; duplicate: boolean }> {
    const header = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1').split(/\r?\n\r?\n/)[0];
    const messageId = /^message-id:\s*(<[^>\r\n]+>)/im.exec(header)?.[1];
    const messageKey = createHash('sha256').update(messageId ?? raw).digest('hex');
    return this.tx.run(async (manager) => {
      const id = randomUUID();
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO inbound_mails (id, message_key, raw_encrypted, size, received_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (message_key) DO NOTHING RETURNING id`,
        [id, messageKey, this.cipher.encrypt(raw.toString('base64')), raw.length, this.clock.now()],
      );
      if (inserted.length === 0) return { id, duplicate: true };
      await this.outbox.publish(manager, { eventType: 'mail.received', aggregateType: 'inbound_mail', aggregateId: id, payload: { mailId: id } });
      return { id, duplicate: false };
    });
  }

  handle(event: DispatchedEvent<'mail.received'>): Promise<void> {
    return this.process(event.payload.mailId);
  }

  async process(mailId: string): Promise<void> {
    const row = await this.tx.manager
      .getRepository(InboundMail)
      .createQueryBuilder('m')
      .addSelect('m.rawEncrypted')
      .where('m.id = :mailId', { mailId })
      .getOne();
    if (!row || row.status !== 'pending' || !row.rawEncrypted) return;
    const mail = await simpleParser(Buffer.from(this.cipher.decrypt(row.rawEncrypted), 'base64'));
    const from = mail.from?.value[0]?.address?.trim();
    if (!from) return this.finish(mailId, 'refused', { reason: 'no_sender' });
    const account = await this.accounts.findOne({ emailNormalized: normalizeEmail(from), role: Role.Citizen, active: true });
    if (!account || !account.emailVerified) return this.refuse(mailId, mail, from, account ? 'unverified_sender' : 'unknown_sender');
    const actor: Actor = { userId: account.id, role: Role.Citizen, name: account.fullName, departmentId: null, ip: null, userAgent: 'mail-intake', requestId: `mail:${mailId}` };

    const number = this.numberOf(mail);
    if (number) {
      const appeal = await this.appeals.load(actor, number).catch(() => null);
      if (appeal) return this.reply(mailId, mail, actor, appeal.id, from);
    }
    return this.file(mailId, mail, actor, row.receivedAt, from);
  }

  /** A reply to a notice: a message in the appeal's thread, idempotent by the mail's id. */
  private async reply(mailId: string, mail: ParsedMail, actor: Actor, appealId: string, from: string): Promise<void> {
    const { ids, rejected } = await this.storeFiles(actor, mail);
    const text = clip(clean(bodyOf(mail)) || clean(mail.subject ?? '') || 'Письмо без текста', TEXT_MAX);
    try {
      const message = await this.messages.post(actor, appealId, { text, attachmentIds: ids }, { key: `mail:${mailId}`, method: 'POST', path: `mail-intake:${appealId}` });
      await this.finish(mailId, 'filed', { appealId, messageId: message.id, rejectedFiles: rejected });
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      // The thread is closed (or the appeal cannot take a message now): the sender is told to file anew.
      await this.refuse(mailId, mail, from, 'thread_closed');
    }
  }

  /** A new appeal of the citizen, in the general pool, with the files that pass the rules. */
  private async file(mailId: string, mail: ParsedMail, actor: Actor, receivedAt: Date, from: string): Promise<void> {
    const { ids, rejected } = await this.storeFiles(actor, mail);
    const subject = clip(clean(stripReplyPrefixes(mail.subject ?? '')) || 'Обращение по электронной почте', SUBJECT_MAX);
    const text = clip(clean(bodyOf(mail)) || subject, TEXT_MAX);
    try {
      await this.tx.run(async (manager) => {
        if (!(await this.lockPending(manager, mailId))) return;
        const appeal = await this.intake.fileFromMail(manager, actor, { subject, text, receivedAt, attachmentIds: ids, from });
        await this.mark(manager, mailId, 'filed', { appealId: appeal.id, number: appeal.number, rejectedFiles: rejected });
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      // The account may not file (its trust level): the sender is told how to file.
      this.logger.warn({ mailId, code: error.code }, 'mail from a citizen not filed');
      await this.refuse(mailId, mail, from, error.code);
    }
  }

  /**
   * The sender gets the explanation, then the mail is marked: a crash in between sends it again on
   * the retry (at least once), never an appeal. Automatic mail (bounces, auto-replies) is not answered.
   */
  private async refuse(mailId: string, mail: ParsedMail, from: string, reason: string): Promise<void> {
    const automatic = /^(?!no\b)/i.test(headerText(mail, 'auto-submitted') || 'no') || /bulk|list|junk/i.test(headerText(mail, 'precedence')) || /mailer-daemon|postmaster/i.test(from);
    if (!automatic) {
      const portal = this.config.citizenAppUrl;
      await this.mailer.send({
        to: from,
        subject: `Re: ${clip(mail.subject ?? '', 150)}`.trim() || 'Ваше письмо не зарегистрировано как обращение',
        text: [
          'Здравствуйте!',
          '',
          reason === 'thread_closed'
            ? 'Ваше письмо не добавлено к обращению: рассмотрение по нему завершено. Если вопрос остался, подайте новое обращение.'
            : 'Ваше письмо не зарегистрировано как обращение.',
          'С 30.03.2025 обращение в электронной форме рассматривается, только когда заявитель идентифицирован (Федеральный закон № 547-ФЗ):',
          `— подайте обращение в личном кабинете «Отклик» (вход через Госуслуги или по учётной записи с подтверждёнными контактами): ${portal}`,
          '— или напишите с адреса электронной почты, подтверждённого в вашем личном кабинете;',
          '— обращение также можно направить по почте или подать лично.',
          '',
          'Письмо отправлено автоматически.',
        ].join('\n'),
      });
    }
    await this.finish(mailId, 'refused', { reason, answered: !automatic });
  }

  /** Stores each attached file by the upload rules as the citizen's; refused files are named, not attached. */
  private async storeFiles(actor: Actor, mail: ParsedMail): Promise<{ ids: string[]; rejected: { name: string; reason: string }[] }> {
    const ids: string[] = [];
    const rejected: { name: string; reason: string }[] = [];
    let bytes = 0;
    const { maxFilesPerAppeal, maxAppealBytes } = this.config.attachments;
    for (const file of mail.attachments.filter((a) => a.contentDisposition === 'attachment' || a.filename)) {
      const name = file.filename ?? 'file';
      if (ids.length >= maxFilesPerAppeal) rejected.push({ name, reason: 'too_many_files' });
      else if (bytes + file.size > maxAppealBytes) rejected.push({ name, reason: 'appeal_total_exceeded' });
      else {
        try {
          ids.push((await this.uploads.storeBuffer(actor, { filename: name, contentType: file.contentType, content: file.content })).id);
          bytes += file.size;
        } catch (error) {
          if (!(error instanceof DomainError) || error.status >= 500) throw error;
          rejected.push({ name, reason: error.errors[0]?.code ?? error.code });
        }
      }
    }
    return { ids, rejected };
  }

  private numberOf(mail: ParsedMail): string | null {
    const inSubject = NUMBER_IN_SUBJECT.exec(mail.subject ?? '')?.[1];
    if (inSubject) return inSubject;
    const to = [mail.to, mail.cc].flatMap((a) => (a ? (Array.isArray(a) ? a : [a]) : [])).flatMap((a) => a.value.map((v) => v.address ?? ''));
    for (const address of to) {
      const token = NUMBER_IN_ADDRESS.exec(address)?.[1];
      if (token) return token;
    }
    return null;
  }

  private finish(mailId: string, status: InboundMail['status'], outcome: Record<string, unknown>): Promise<void> {
    return this.tx.run(async (manager) => {
      if (await this.lockPending(manager, mailId)) await this.mark(manager, mailId, status, outcome);
    });
  }

  private async lockPending(manager: EntityManager, mailId: string): Promise<boolean> {
    const [row] = await manager.query<{ status: string }[]>(`SELECT status FROM inbound_mails WHERE id = $1 FOR UPDATE`, [mailId]);
    return row?.status === 'pending';
  }

  private async mark(manager: EntityManager, mailId: string, status: InboundMail['status'], outcome: Record<string, unknown>): Promise<void> {
    await manager.query(`UPDATE inbound_mails SET status = $2, outcome = $3, processed_at = $4, raw_encrypted = NULL WHERE id = $1`, [mailId, status, outcome, this.clock.now()]);
  }
}

/** A header's value as text ('' when absent or structured). */
function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  return typeof value === 'string' ? value : '';
}

function bodyOf(mail: ParsedMail): string {
  if (mail.text?.trim()) return mail.text;
  return typeof mail.html === 'string' ? mail.html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ') : '';
}

/** Keeps what an appeal's text may contain (APPEAL_TEXT_PATTERN); anything else (emoji, control characters) becomes a space. */
function clean(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) out += APPEAL_TEXT_PATTERN.test(ch) ? ch : ' ';
  return out.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function stripReplyPrefixes(subject: string): string {
  return subject.replace(/^(?:\s*(?:re|fwd?|ответ|отв|пересл)\s*(?:\[\d+\])?\s*:\s*)+/i, '');
}
