import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealStatus, HistoryEvent } from '@otklik/shared/domain';
import { AnyActor } from '../../common/http/actor';
import { AuditService } from '../audit/audit.service';
import { StepEvent } from '../outbox/domain-event';
import { OutboxService } from '../outbox/outbox.service';
import { Appeal } from './appeal.entity';

export interface JournalEntry {
  event: HistoryEvent;
  from: AppealStatus | null;
  comment?: string | null;
  /** Extra audit details (never personal data). */
  details?: Record<string, unknown>;
  /** The staff member's position, shown beside their name in the history. */
  actorPosition?: string | null;
  /** The thread message that tells the citizen of this step (notifications quote it to those without a cabinet). */
  noticeMessageId?: string;
  /** Staff the event's notice goes to (e.g. the supervisors deciding a proposal). */
  recipients?: string[];
}

/**
 * Every state change of an appeal writes three rows in the caller's transaction: the
 * history row the citizen sees, the audit row, and the outbox event for other modules.
 */
@Injectable()
export class AppealJournal {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * One statement (three data-modifying CTEs) instead of three round trips: state changes are
   * the hot path of intake, and the rows must commit together anyway.
   */
  async record(
    manager: EntityManager,
    appeal: Appeal,
    actor: AnyActor,
    entry: JournalEntry,
    /** A statement to run first in the same statement (e.g. the INSERT of the appeal itself). */
    prepend?: { sql: string; params: unknown[] },
  ): Promise<void> {
    const params: unknown[] = [...(prepend?.params ?? [])];
    const p = (v: unknown) => `$${params.push(v)}`;
    const history = `INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, actor_position, comment)
      VALUES (${[appeal.id, entry.event, entry.from, appeal.status, actor.userId, actor.role, actor.name, entry.actorPosition ?? null, entry.comment ?? null].map(p).join(', ')})`;
    const audit = this.audit.insertSql(params, actor, {
      action: `appeal.${entry.event}`,
      entityType: 'appeal',
      entityId: appeal.id,
      details: { number: appeal.number, from: entry.from, to: appeal.status, ...entry.details },
    });
    const outbox = this.outbox.insertSql(params, {
      // The scheduler's overdue step has its own payload and is written by the SLA tick alone.
      eventType: `appeal.${entry.event as StepEvent}`,
      aggregateType: 'appeal',
      aggregateId: appeal.id,
      payload: {
        appealId: appeal.id,
        number: appeal.number,
        citizenId: appeal.citizenId,
        departmentId: appeal.departmentId,
        type: appeal.type,
        from: entry.from,
        to: appeal.status,
        actorId: actor.userId,
        actorRole: actor.role,
        ...(entry.noticeMessageId ? { noticeMessageId: entry.noticeMessageId } : {}),
        ...(entry.recipients ? { recipients: entry.recipients } : {}),
      },
    });
    const first = prepend ? `appeal AS (${prepend.sql}), ` : '';
    await runPrepared(manager, `WITH ${first}history AS (${history}), audit AS (${audit}) ${outbox}`, params);
  }
}

/**
 * Runs a hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every filing. The text is fixed per shape (values are parameters), so
 * the number of prepared statements stays small.
 */
async function runPrepared(manager: EntityManager, text: string, values: unknown[]): Promise<void> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const own = !manager.queryRunner;
  try {
    const client = (await runner.connect()) as { query(q: { name: string; text: string; values: unknown[] }): Promise<unknown> };
    manager.connection.logger.logQuery(text, values, runner);
    await client.query({ name: `otklik_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values });
  } finally {
    if (own) await runner.release();
  }
}
