import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealStatus, HistoryEvent } from '@otklik/shared/domain';
import { AnyActor } from '../../common/http/actor';
import { DomainEventType, StepEvent } from '../outbox/domain-event';
import { OutboxService, PayloadSql } from '../outbox/outbox.service';
import { Appeal } from './appeal.entity';
import { RowShape } from '../../common/sql/row-shape';
import { runPrepared } from '../../common/sql/prepared';
import { AUDIT_ROW } from '../audit/audit-row';
import { auditChanges } from '../audit/audit-changes';

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
  /** `appeal.rated`: the score, for the outbox event (a low one tells the assignee). */
  score?: number;
  /** The reason alone, for the notice, where the history's comment says more (a staff escalation names the department above). */
  noticeReason?: string;
  /** The appeal's fields before → after, for the audit row's changes (a reclassification's). */
  change?: { before: Record<string, unknown>; after: Record<string, unknown> };
}

/** The history row the citizen sees. */
const HISTORY = new RowShape('appeal_history', {
  appealId: 'appeal_id',
  event: 'event',
  from: 'from_status',
  to: 'to_status',
  actorId: 'actor_id',
  actorRole: 'actor_role',
  actorName: 'actor_name',
  actorPosition: 'actor_position',
  comment: 'comment',
});


/** The step payload of the outbox event (as consumers read it), one SQL expression per field. */
type StepPayloadSql = PayloadSql<'appeal.auto_closed'>;

/**
 * A system step for each row of a query (the SLA tick's batches): SQL expressions over the row
 * for what differs per appeal, literals for the rest. Each field is SQL text.
 */
export interface JournalSetEntry<T extends DomainEventType> {
  appealId: string;
  /** The history events of the step, in order (overdue writes two rows: overdue, escalated). */
  events: readonly HistoryEvent[];
  from: string;
  to: string;
  /** The audit row's action and details (a jsonb expression). */
  audit: { action: string; details: string };
  /** The outbox event and its payload (the step payload and the event's own fields). */
  outbox: { eventType: T; payload: PayloadSql<T> };
}

/** The SQL name the scheduler's rows carry as their actor. */
export const SYSTEM_ACTOR_NAME = 'Система';

/**
 * The journal's rows from one column list each: the single-row form (AppealJournal.record, every
 * action) and the set-based form (the SLA tick's batches). Its SQL is part of a bigger statement.
 */
@Injectable()
export class JournalWriter {
  constructor(private readonly outbox: OutboxService) {}

  /** After running SQL of this writer: its events commit with `manager`'s transaction (or already did). */
  written(manager?: EntityManager): void {
    this.outbox.written(manager);
  }

  /** The three inserts of one entry, its values pushed onto `params`. */
  rowSql(params: unknown[], appeal: Appeal, actor: AnyActor, entry: JournalEntry): { history: string; audit: string; outbox: string } {
    const p = (v: unknown) => `$${params.push(v)}`;
    const history = HISTORY.values({
      appealId: p(appeal.id),
      event: p(entry.event),
      from: p(entry.from),
      to: p(appeal.status),
      actorId: p(actor.userId),
      actorRole: p(actor.role),
      actorName: p(actor.name),
      actorPosition: p(entry.actorPosition ?? null),
      comment: p(entry.comment ?? null),
    });
    const audit = AUDIT_ROW.values({
      actorId: p(actor.userId ?? null),
      actorRole: p(actor.role ?? 'anonymous'),
      ip: p(actor.ip ?? null),
      userAgent: p(actor.userAgent ?? null),
      requestId: p(actor.requestId ?? null),
      action: p(`appeal.${entry.event}`),
      entityType: p('appeal'),
      entityId: p(appeal.id),
      details: p(JSON.stringify({ number: appeal.number, from: entry.from, to: appeal.status, ...entry.details })),
      changes: p(entry.change ? JSON.stringify(auditChanges(entry.change.before, entry.change.after)) : null),
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
        assigneeId: appeal.assigneeId ?? null,
        ...(entry.score !== undefined ? { score: entry.score } : {}),
        // The step's reason as the history shows it (an extension's, a redirect's, a returned proposal's remark).
        ...(entry.comment ? { comment: entry.comment } : {}),
        ...(entry.noticeReason ? { reason: entry.noticeReason } : {}),
        ...(entry.noticeMessageId ? { noticeMessageId: entry.noticeMessageId } : {}),
        ...(entry.recipients ? { recipients: entry.recipients } : {}),
      },
    });
    return { history, audit, outbox };
  }

  /**
   * The three inserts of a system step for every row of `from` (aliased `r`): data-modifying
   * CTEs named history, audit and outbox, to follow the CTE that changed the appeals.
   * `actorName` is a SQL expression (a parameter) for the system's name.
   */
  setSql<T extends DomainEventType>(entry: JournalSetEntry<T>, from: string, actorName: string): string {
    const events = entry.events.map((e, i) => `(${i + 1}, '${literal(e)}')`).join(', ');
    const history = HISTORY.select(
      {
        appealId: entry.appealId,
        event: 'e.event',
        from: entry.from,
        to: entry.to,
        actorId: 'NULL',
        actorRole: `'system'`,
        actorName,
        actorPosition: 'NULL',
        comment: 'NULL',
      },
      `${from} CROSS JOIN (VALUES ${events}) AS e(ord, event) ORDER BY ${entry.appealId}, e.ord`,
    );
    const audit = AUDIT_ROW.select(
      {
        actorId: 'NULL',
        actorRole: `'system'`,
        ip: 'NULL',
        userAgent: 'NULL',
        requestId: 'NULL',
        action: `'${literal(entry.audit.action)}'`,
        entityType: `'appeal'`,
        entityId: `${entry.appealId}::text`,
        details: entry.audit.details,
        changes: 'NULL',
      },
      from,
    );
    const outbox = this.outbox.insertSelectSql(entry.outbox.eventType, entry.appealId, entry.outbox.payload, from);
    return `history AS (${history}), audit AS (${audit}), outbox AS (${outbox})`;
  }

  /** An outbox event for each row of `from` (a notice without a state change: no history, no audit). */
  outboxSelectSql<T extends DomainEventType>(eventType: T, aggregateId: string, payload: PayloadSql<T>, from: string): string {
    return this.outbox.insertSelectSql(eventType, aggregateId, payload, from);
  }

  /** The step payload of a system action over a row aliased `r` (as AppealJournal writes a staff step's). */
  static systemStep(r: string, from: string, to: string): StepPayloadSql {
    return {
      appealId: `${r}.id`,
      number: `${r}.number`,
      citizenId: `${r}.citizen_id`,
      departmentId: `${r}.department_id`,
      type: `${r}.type`,
      from,
      to,
      actorId: 'NULL',
      actorRole: `'system'`,
    };
  }
}

/** Only known words go into the SQL text (events and actions are identifiers of ours, never input). */
function literal(value: string): string {
  if (!/^[a-z_.]+$/.test(value)) throw new Error(`not a journal word: ${value}`);
  return value;
}

/**
 * Every state change of an appeal writes three rows in the caller's transaction: the
 * history row the citizen sees, the audit row, and the outbox event for other modules.
 */
@Injectable()
export class AppealJournal {
  constructor(private readonly writer: JournalWriter) {}

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
    const { history, audit, outbox } = this.writer.rowSql(params, appeal, actor, entry);
    const first = prepend ? `appeal AS (${prepend.sql}), ` : '';
    await runPrepared(manager, `WITH ${first}history AS (${history}), audit AS (${audit}) ${outbox}`, params);
    this.writer.written(manager);
  }
}
