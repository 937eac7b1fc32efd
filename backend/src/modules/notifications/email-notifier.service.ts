import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { HistoryEvent } from '@otklik/shared/domain';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Mailer } from '../messaging/mailer';
import { DispatchedEvent } from '../outbox/domain-event';
import { AuditService } from '../audit/audit.service';
import { EventConsumer, EventConsumers } from '../outbox/event-consumers';
import { APPEAL_NOTICES, AppealFacts, NOTICE_EVENTS, NoticeEvent, NoticeSpec } from './appeal-notices';

const sent = new Counter({ name: 'otklik_notifications_sent_total', help: 'Notices delivered, by channel and event type', labelNames: ['channel', 'event_type'] });

/**
 * The e-mail channel of notifications: consumes the workflow's outbox events (in the worker, or
 * in-process in embedded mode) and mails each recipient once: a user's account address, or the
 * address given with an appeal filed without an account. A failed send throws, so the
 * event is retried; recipients already reached are skipped by the delivery log.
 */
@Injectable()
export class EmailNotifier implements OnModuleInit, EventConsumer<NoticeEvent> {
  readonly name = 'notifications.email';
  readonly events = NOTICE_EVENTS;
  private readonly logger = new Logger(EmailNotifier.name);

  constructor(
    private readonly consumers: EventConsumers,
    private readonly mailer: Mailer,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  handle(event: DispatchedEvent<NoticeEvent>): Promise<void> {
    return this.deliver(event, APPEAL_NOTICES[event.eventType]);
  }

  async deliver(event: DispatchedEvent<NoticeEvent>, spec: NoticeSpec): Promise<void> {
    const [appeal] = await this.dataSource.query<AppealRow[]>(
      `SELECT a.number::int AS number, a.subject, a.status, a.due_at AS "dueAt", a.documents_due_on::text AS "documentsDueOn",
              d.name_ru AS "departmentName", a.citizen_id AS "citizenId", a.unidentified, a.contact_encrypted AS "contactEncrypted"
         FROM appeals a LEFT JOIN departments d ON d.id = a.department_id WHERE a.id = $1`,
      [event.aggregateId],
    );
    if (!appeal) return; // destroyed by retention meanwhile: nothing to tell
    const recipients = this.recipientsOf(event, spec, appeal);
    if (recipients.length === 0) return;
    const facts: AppealFacts = {
      number: appeal.number,
      subject: appeal.subject,
      status: appeal.status,
      dueAt: appeal.dueAt,
      documentsDueOn: appeal.documentsDueOn,
      departmentName: appeal.departmentName,
      unidentified: appeal.unidentified,
      ...(appeal.unidentified ? await this.quoted(event) : {}),
    };
    for (const recipient of recipients) {
      await this.dataSource.transaction(async (manager) => {
        const claimed = await manager.query<unknown[]>(
          `INSERT INTO notification_deliveries (event_id, recipient_id, channel, event_type, appeal_id)
           VALUES ($1, $2, 'email', $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
          [event.id, recipient.id, event.eventType, event.aggregateId],
        );
        if (claimed.length === 0) return;
        const to = await this.addressOf(manager, event, recipient);
        if (!to) return;
        // Sent inside the claim's transaction: a failed send rolls the claim back for the retry.
        await this.mailer.send({ to, subject: spec.subject(facts), text: spec.text(facts) });
        sent.inc({ channel: 'email', event_type: event.eventType });
      });
    }
    this.logger.debug({ eventId: event.id, eventType: event.eventType, recipients: recipients.length }, 'notices delivered');
  }

  /**
   * The citizen's account; for an appeal filed without one, the e-mail address given with it
   * (its delivery is logged under the appeal's id); staff named by the event.
   */
  private recipientsOf(event: DispatchedEvent<NoticeEvent>, spec: NoticeSpec, appeal: AppealRow): Recipient[] {
    if (spec.audience === 'recipients') {
      const payload = event.payload as { recipients?: (string | null)[] };
      return (payload.recipients ?? []).filter((r): r is string => !!r).map((id) => ({ kind: 'user', id }));
    }
    if (appeal.citizenId) return [{ kind: 'user', id: appeal.citizenId }];
    if (appeal.unidentified && appeal.contactEncrypted) return [{ kind: 'contact', id: event.aggregateId, contactEncrypted: appeal.contactEncrypted }];
    return [];
  }

  private async addressOf(manager: EntityManager, event: DispatchedEvent, recipient: Recipient): Promise<string | null> {
    if (recipient.kind === 'user') {
      const [user] = await manager.query<{ email: string | null }[]>(`SELECT email FROM users WHERE id = $1 AND active`, [recipient.id]);
      return user?.email ?? null;
    }
    const { email } = this.cipher.decryptJson<{ email?: string }>(recipient.contactEncrypted);
    if (!email) return null;
    // Decrypting personal data is an access like a staff member's reveal: on the audit trail.
    await this.audit.record(manager, null, {
      action: 'personal_data.use',
      entityType: 'appeal',
      entityId: event.aggregateId,
      details: { purpose: 'notification', eventType: event.eventType, eventId: event.id, fields: ['email'] },
    });
    return email;
  }

  /** What an author without a cabinet cannot read anywhere else: the step's notice, the answer. */
  private async quoted(event: DispatchedEvent): Promise<Pick<AppealFacts, 'notice' | 'answer'>> {
    const { noticeMessageId } = event.payload as { noticeMessageId?: unknown };
    const noticeId = typeof noticeMessageId === 'string' ? noticeMessageId : null;
    const [notice] = noticeId
      ? await this.dataSource.query<{ body: string }[]>(`SELECT body FROM appeal_messages WHERE id = $1 AND appeal_id = $2 AND NOT internal`, [noticeId, event.aggregateId])
      : [];
    const [answer] =
      event.eventType === `appeal.${HistoryEvent.Answered}`
        ? await this.dataSource.query<NonNullable<AppealFacts['answer']>[]>(
            `SELECT text, executor_name AS "executorName", executor_position AS "executorPosition", reason
               FROM answers WHERE appeal_id = $1 ORDER BY answered_at DESC, created_at DESC LIMIT 1`,
            [event.aggregateId],
          )
        : [];
    return { notice: notice?.body ?? null, answer: answer ?? null };
  }
}

interface AppealRow extends Omit<AppealFacts, 'unidentified' | 'notice' | 'answer'> {
  citizenId: string | null;
  unidentified: boolean;
  contactEncrypted: string | null;
}

type Recipient = { kind: 'user'; id: string } | { kind: 'contact'; id: string; contactEncrypted: string };
