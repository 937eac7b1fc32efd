import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FINAL_STATUSES, HistoryEvent, SLA_RUNNING_STATUSES } from '@otklik/shared/domain';
import { sqlList } from '../../../common/sql/literals';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { OutboxService, PayloadSql } from '../../outbox/outbox.service';

/** Statuses in which the deadline runs (awaiting_citizen pauses it; answered ones are done). */
const RUNNING = `(${sqlList(SLA_RUNNING_STATUSES)})`;
/** Rows one statement handles: big enough to be set-based, small enough to hold locks briefly. */
export const SLA_BATCH = 2000;
const SYSTEM_NAME = 'Система';
/** What an anonymised appeal's texts become. */
export const ANONYMISED_TEXT = 'Обезличено';

export interface TickStats {
  overdue: number;
  reminders: number;
  firstReactionOverdue: number;
  autoClosed: number;
}

/** The step payload (as AppealJournal writes it) of a system action, from a CTE row aliased `r`. */
function step(r: string, from: string, to: string): PayloadSql<'appeal.auto_closed'> {
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

/** Who hears of an overdue appeal in a department: its supervisors, or the nearest ancestor's. */
interface DepartmentRouting {
  heads: string[];
  headsDepartmentId: string | null;
  parentId: string | null;
}

/**
 * The work of one scheduler tick, set-based: each step is a loop of single statements that pick
 * a batch of due appeals with FOR UPDATE SKIP LOCKED, change them, and write their history, audit
 * and outbox rows in the same statement (data-modifying CTEs) — the batch form of AppealJournal.
 * Every step selects only what is still to do ("due ≤ now and not yet marked"), so a step is
 * idempotent, a tick after downtime catches up on everything missed, and two processes running
 * a step at once never mark an appeal twice.
 */
@Injectable()
export class SlaTickService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  async tick(now: Date): Promise<TickStats> {
    const routing = await this.departmentRouting();
    const overdue = await this.markOverdue(now, routing);
    const reminders = await this.remind(now);
    const firstReactionOverdue = await this.flagFirstReaction(now, routing);
    const autoClosed = await this.autoClose(now);
    return { overdue, reminders, firstReactionOverdue, autoClosed };
  }

  /** Overdue → flag, escalate to the parent department (it oversees the appeal from then on), tell the department head. */
  async markOverdue(now: Date, routing?: Record<string, DepartmentRouting>): Promise<number> {
    const map = JSON.stringify(routing ?? (await this.departmentRouting()));
    return this.loop(
      `WITH due AS (
         SELECT id FROM appeals
          WHERE status IN ${RUNNING} AND NOT overdue AND sla_paused_at IS NULL AND due_at <= $1
          ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE appeals a
            SET overdue = true, overdue_at = $1, escalated = true, escalated_at = coalesce(a.escalated_at, $1),
                escalated_to_department_id = coalesce(a.escalated_to_department_id,
                                                      ($3::jsonb -> (a.department_id::text) ->> 'parentId')::uuid, a.department_id),
                updated_at = $1, version = a.version + 1
           FROM due WHERE a.id = due.id
         RETURNING a.id, a.number, a.citizen_id, a.department_id, a.assignee_id, a.type, a.status, a.due_at, a.escalated_to_department_id
       ), routed AS (
         SELECT m.*, coalesce($3::jsonb -> (m.department_id::text), '{}'::jsonb) AS org FROM marked m
       ), history AS (
         INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, comment)
         SELECT r.id, e.event, r.status, r.status, NULL, 'system', $4, NULL
           FROM routed r CROSS JOIN (VALUES (1, '${HistoryEvent.Overdue}'), (2, '${HistoryEvent.Escalated}')) AS e(ord, event)
          ORDER BY r.id, e.ord
       ), audit AS (
         INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, details)
         SELECT NULL, 'system', 'appeal.overdue', 'appeal', r.id::text,
                jsonb_build_object('number', r.number, 'dueAt', r.due_at, 'escalatedTo', r.escalated_to_department_id,
                                   'notified', r.org -> 'heads', 'headsDepartmentId', r.org -> 'headsDepartmentId')
           FROM routed r
       ), outbox AS (
         ${this.outbox.insertSelectSql(
           'appeal.overdue',
           'r.id',
           {
             ...step('r', 'r.status', 'r.status'),
             dueAt: 'r.due_at',
             overdueAt: '$1::timestamptz',
             assigneeId: 'r.assignee_id',
             recipients: `coalesce(r.org -> 'heads', '[]'::jsonb)`,
             headsDepartmentId: `r.org -> 'headsDepartmentId'`,
             escalatedToDepartmentId: 'r.escalated_to_department_id',
           },
           'routed r',
         )}
       )
       SELECT count(*)::int AS n FROM routed`,
      [now, SLA_BATCH, map, SYSTEM_NAME],
    );
  }

  /**
   * The assignee is told once when the deadline is within the policy's reminder lead (hours; the
   * subcategory's policy over the category's over the type's). No history row: nothing changed.
   */
  async remind(now: Date): Promise<number> {
    const [{ max }] = await this.dataSource.query<{ max: number | null }[]>(`SELECT max(reminder_lead_hours)::int AS max FROM sla_policies`);
    const lead = (column: string) => `(SELECT p.reminder_lead_hours FROM sla_policies p WHERE p.type = a.type AND ${column})`;
    return this.loop(
      `WITH due AS (
         SELECT a.id FROM appeals a
          WHERE a.status IN ${RUNNING} AND NOT a.overdue AND a.sla_paused_at IS NULL AND a.reminder_sent_at IS NULL
            AND a.assignee_id IS NOT NULL AND a.due_at > $1 AND a.due_at <= $1::timestamptz + make_interval(hours => $3)
            AND a.due_at - make_interval(hours => coalesce(${lead('p.category_id = a.subcategory_id')}, ${lead('p.category_id = a.category_id')},
                                                           ${lead('p.category_id IS NULL')}, 24)) <= $1
          ORDER BY a.due_at LIMIT $2 FOR UPDATE OF a SKIP LOCKED
       ), sent AS (
         UPDATE appeals a SET reminder_sent_at = $1 FROM due WHERE a.id = due.id
         RETURNING a.id, a.number, a.department_id, a.assignee_id, a.type, a.status, a.due_at
       ), outbox AS (
         ${this.outbox.insertSelectSql(
           'appeal.deadline_approaching',
           's.id',
           {
             appealId: 's.id',
             number: 's.number',
             departmentId: 's.department_id',
             type: 's.type',
             status: 's.status',
             dueAt: 's.due_at',
             assigneeId: 's.assignee_id',
             recipients: 'jsonb_build_array(s.assignee_id)',
           },
           'sent s',
         )}
       )
       SELECT count(*)::int AS n FROM sent`,
      [now, SLA_BATCH, Math.max(24, max ?? 24)],
    );
  }

  /** The first reaction is late: told once to the department head (no status change). */
  async flagFirstReaction(now: Date, routing?: Record<string, DepartmentRouting>): Promise<number> {
    const map = JSON.stringify(routing ?? (await this.departmentRouting()));
    return this.loop(
      `WITH due AS (
         SELECT id FROM appeals
          WHERE status IN ${RUNNING} AND first_reaction_at IS NULL AND first_reaction_overdue_at IS NULL
            AND sla_paused_at IS NULL AND first_response_due_at <= $1
          ORDER BY first_response_due_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), flagged AS (
         UPDATE appeals a SET first_reaction_overdue_at = $1 FROM due WHERE a.id = due.id
         RETURNING a.id, a.number, a.department_id, a.assignee_id, a.type, a.status, a.first_response_due_at,
                   coalesce($3::jsonb -> (a.department_id::text), '{}'::jsonb) AS org
       ), outbox AS (
         ${this.outbox.insertSelectSql(
           'appeal.first_reaction_overdue',
           'f.id',
           {
             appealId: 'f.id',
             number: 'f.number',
             departmentId: 'f.department_id',
             type: 'f.type',
             status: 'f.status',
             firstResponseDueAt: 'f.first_response_due_at',
             assigneeId: 'f.assignee_id',
             recipients: `coalesce(f.org -> 'heads', '[]'::jsonb)`,
             headsDepartmentId: `f.org -> 'headsDepartmentId'`,
           },
           'flagged f',
         )}
       )
       SELECT count(*)::int AS n FROM flagged`,
      [now, SLA_BATCH, map],
    );
  }

  /** Answered appeals the citizen left alone for AUTO_CLOSE_DAYS calendar days → closed by the system. */
  async autoClose(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.sla.autoCloseDays * 86_400_000);
    return this.loop(
      `WITH due AS (
         SELECT id, status AS from_status FROM appeals
          WHERE status IN ('resolved', 'rejected') AND answered_at IS NOT NULL AND answered_at <= $3
          ORDER BY answered_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), closed AS (
         UPDATE appeals a SET status = 'closed', closed_at = $1, updated_at = $1, version = a.version + 1
           FROM due WHERE a.id = due.id
         RETURNING a.id, a.number, a.citizen_id, a.department_id, a.type, a.answered_at, due.from_status
       ), history AS (
         INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, comment)
         SELECT c.id, '${HistoryEvent.AutoClosed}', c.from_status, 'closed', NULL, 'system', $4, NULL FROM closed c
       ), audit AS (
         INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, details)
         SELECT NULL, 'system', 'appeal.${HistoryEvent.AutoClosed}', 'appeal', c.id::text,
                jsonb_build_object('number', c.number, 'from', c.from_status, 'to', 'closed', 'answeredAt', c.answered_at, 'afterDays', $5::int)
           FROM closed c
       ), outbox AS (
         ${this.outbox.insertSelectSql(`appeal.${HistoryEvent.AutoClosed}`, 'c.id', step('c', 'c.from_status', `'closed'`), 'closed c')}
       )
       SELECT count(*)::int AS n FROM closed`,
      [now, SLA_BATCH, cutoff, SYSTEM_NAME, this.config.sla.autoCloseDays],
    );
  }

  /**
   * 152-ФЗ: appeals closed or withdrawn more than RETENTION_YEARS ago, not kept longer at the
   * citizen's request, lose their personal data — anonymised (texts, contacts, extra fields,
   * message bodies, history comments, files) or deleted — each with a destruction record and an audit row.
   */
  async retention(now: Date, today: string): Promise<number> {
    const { retentionYears, retentionMode } = this.config.sla;
    const due = `due AS (
         SELECT id, number, closed_at FROM appeals
          WHERE status IN (${sqlList(FINAL_STATUSES)}) AND anonymised_at IS NULL
            AND closed_at <= $1::timestamptz - make_interval(years => $3)
            AND (retention_extended_until IS NULL OR retention_extended_until < $4::date)
          ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )`;
    // Files are personal data too: their rows go with the appeal's, their objects are queued for
    // housekeeping to remove from storage (the same statement, so none is forgotten).
    const trail = (mode: 'anonymised' | 'deleted') => `
       files AS (
         DELETE FROM attachments f USING destroyed d WHERE f.appeal_id = d.id RETURNING f.appeal_id, f.storage_key, f.preview_key
       ), purges AS (
         INSERT INTO storage_purges (storage_key, reason)
         SELECT k.key, 'retention' FROM files CROSS JOIN LATERAL (VALUES (files.storage_key), (files.preview_key)) AS k(key)
          WHERE k.key IS NOT NULL
       ), records AS (
         INSERT INTO retention_destructions (appeal_id, number, closed_at, destroyed_at, mode, actor, retention_years)
         SELECT d.id, d.number, d.closed_at, $1, '${mode}', 'system:retention', $3 FROM destroyed d
       ), audit AS (
         INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, details)
         SELECT NULL, 'system', 'appeal.${mode}', 'appeal', d.id::text,
                jsonb_build_object('number', d.number, 'closedAt', d.closed_at, 'retentionYears', $3::int,
                                   'files', (SELECT count(*) FROM files f WHERE f.appeal_id = d.id))
           FROM destroyed d
       )
       SELECT count(*)::int AS n FROM destroyed`;
    if (retentionMode === 'delete') {
      return this.loop(
        `WITH ${due}, destroyed AS (
           DELETE FROM appeals a USING due WHERE a.id = due.id RETURNING a.id, due.number, due.closed_at
         ), ${trail('deleted')}`,
        [now, SLA_BATCH, retentionYears, today],
      );
    }
    return this.loop(
      `WITH ${due}, destroyed AS (
         UPDATE appeals a
            SET subject = $5, body = $5, contact_encrypted = NULL, extra_fields = '{}'::jsonb, desired_answer_date = NULL,
                rating_comment = NULL, anonymised_at = $1, updated_at = $1, version = a.version + 1
           FROM due WHERE a.id = due.id
         RETURNING a.id, due.number, due.closed_at
       ), messages AS (
         UPDATE appeal_messages m SET body = '' FROM destroyed d WHERE m.appeal_id = d.id
       ), comments AS (
         UPDATE appeal_history h SET comment = NULL FROM destroyed d WHERE h.appeal_id = d.id AND h.comment IS NOT NULL
       ), ${trail('anonymised')}`,
      [now, SLA_BATCH, retentionYears, today, ANONYMISED_TEXT],
    );
  }

  /** Department head of every department: its active supervisors, else the nearest ancestor's. */
  async departmentRouting(): Promise<Record<string, DepartmentRouting>> {
    const rows = await this.dataSource.query<{ id: string; parent_id: string | null; heads: string[] }[]>(
      `SELECT d.id, d.parent_id, coalesce(array_agg(u.id ORDER BY u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS heads
         FROM departments d LEFT JOIN users u ON u.department_id = d.id AND u.role = 'supervisor' AND u.active
        GROUP BY d.id`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const routing: Record<string, DepartmentRouting> = {};
    for (const row of rows) {
      let at: typeof row | undefined = row;
      const seen = new Set<string>();
      while (at && at.heads.length === 0 && at.parent_id && !seen.has(at.id)) {
        seen.add(at.id);
        at = byId.get(at.parent_id);
      }
      const found = at && at.heads.length > 0 ? at : undefined;
      routing[row.id] = { heads: found?.heads ?? [], headsDepartmentId: found?.id ?? null, parentId: row.parent_id };
    }
    return routing;
  }

  /** Runs one batch statement until it handles fewer rows than a batch; returns the total. */
  private async loop(sql: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(sql, params);
      total += n;
      if (n < SLA_BATCH) return total;
    }
  }
}
