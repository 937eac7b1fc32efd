import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Counter } from 'prom-client';
import { EntityManager } from 'typeorm';
import { HistoryEvent } from '@otklik/shared/domain';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { AppealFactsReader, AppealNoticeFacts } from '../appeals/appeal-facts.repository';
import { Mailer } from '../messaging/mailer';
import { DispatchedEvent } from '../outbox/domain-event';
import { AuditService } from '../audit/audit.service';
import { EventConsumer, EventConsumers } from '../outbox/event-consumers';
import { APPEAL_NOTICES, AppealFacts, NOTICE_EVENTS, NoticeEvent, NoticeSpec } from './appeal-notices';
import { NotificationDeliveries } from './notification-deliveries.repository';
import { UserAccounts } from '../users/user-accounts.repository';

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
    private readonly appeals: AppealFactsReader,
    private readonly deliveries: NotificationDeliveries,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly accounts: UserAccounts,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  handle(event: DispatchedEvent<NoticeEvent>): Promise<void> {
    return this.deliver(event, APPEAL_NOTICES[event.eventType]);
  }

  async deliver(event: DispatchedEvent<NoticeEvent>, spec: NoticeSpec): Promise<void> {
    const appeal = await this.appeals.factsOf(event.aggregateId);
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
      await this.deliveries.transaction(async (manager) => {
        if (!(await this.deliveries.claim(manager, event.id, recipient.id, event.eventType, event.aggregateId))) return;
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
  private recipientsOf(event: DispatchedEvent<NoticeEvent>, spec: NoticeSpec, appeal: AppealNoticeFacts): Recipient[] {
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
      return (await this.accounts.findOne({ id: recipient.id, active: true }, { manager }))?.email ?? null;
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
    const notice = noticeId ? await this.appeals.noticeText(event.aggregateId, noticeId) : null;
    const answer = event.eventType === `appeal.${HistoryEvent.Answered}` ? await this.appeals.latestAnswer(event.aggregateId) : null;
    return { notice, answer };
  }
}

type Recipient = { kind: 'user'; id: string } | { kind: 'contact'; id: string; contactEncrypted: string };
