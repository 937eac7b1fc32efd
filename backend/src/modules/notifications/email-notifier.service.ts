import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { Mailer } from '../messaging/mailer';
import { DispatchedEvent } from '../outbox/domain-event';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { APPEAL_NOTICES, AppealFacts, NoticeSpec } from './appeal-notices';

const sent = new Counter({ name: 'otklik_notifications_sent_total', help: 'Notices delivered, by channel and event type', labelNames: ['channel', 'event_type'] });

/**
 * The e-mail channel of notifications: consumes the workflow's outbox events (in the worker, or
 * in-process in embedded mode) and mails each recipient once. A failed send throws, so the
 * event is retried; recipients already reached are skipped by the delivery log.
 */
@Injectable()
export class EmailNotifier implements OnModuleInit {
  private readonly logger = new Logger(EmailNotifier.name);

  constructor(
    private readonly bus: DomainEventBus,
    private readonly mailer: Mailer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    for (const [eventType, spec] of Object.entries(APPEAL_NOTICES)) this.bus.on(eventType, (event) => this.deliver(event, spec));
  }

  async deliver(event: DispatchedEvent, spec: NoticeSpec): Promise<void> {
    const [appeal] = await this.dataSource.query<(AppealFacts & { citizenId: string | null })[]>(
      `SELECT a.number::int AS number, a.subject, a.status, a.due_at AS "dueAt", a.documents_due_on::text AS "documentsDueOn",
              d.name_ru AS "departmentName", a.citizen_id AS "citizenId"
         FROM appeals a LEFT JOIN departments d ON d.id = a.department_id WHERE a.id = $1`,
      [event.aggregateId],
    );
    if (!appeal) return; // destroyed by retention meanwhile: nothing to tell
    const recipients: string[] =
      spec.audience === 'citizen' ? (appeal.citizenId ? [appeal.citizenId] : []) : ((event.payload.recipients as (string | null)[] | undefined) ?? []).filter((r): r is string => !!r);
    const facts: AppealFacts = appeal;
    for (const recipientId of recipients) {
      await this.dataSource.transaction(async (manager) => {
        const claimed = await manager.query<unknown[]>(
          `INSERT INTO notification_deliveries (event_id, recipient_id, channel, event_type, appeal_id)
           VALUES ($1, $2, 'email', $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
          [event.id, recipientId, event.eventType, event.aggregateId],
        );
        if (claimed.length === 0) return;
        const [user] = await manager.query<{ email: string }[]>(`SELECT email FROM users WHERE id = $1 AND active`, [recipientId]);
        if (!user?.email) return;
        // Sent inside the claim's transaction: a failed send rolls the claim back for the retry.
        await this.mailer.send({ to: user.email, subject: spec.subject(facts), text: spec.text(facts) });
        sent.inc({ channel: 'email', event_type: event.eventType });
      });
    }
    this.logger.debug({ eventId: event.id, eventType: event.eventType, recipients: recipients.length }, 'notices delivered');
  }
}
