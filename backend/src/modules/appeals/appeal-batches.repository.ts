import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppealStatus, FINAL_STATUSES, HistoryEvent, nextStatusForSystem, statusesAdmitting, SYSTEM_ACTION_EVENTS, SystemAction, systemActionTarget } from '@otklik/shared/domain';
import { sqlList } from '../../common/sql/literals';
import { auditMaskSql } from '../audit/audit-canonical';
import { JournalWriter, SYSTEM_ACTOR_NAME } from './appeal-journal';

/** What an anonymised appeal's texts become. */
export const ANONYMISED_TEXT = 'Обезличено';

/** Rows one statement handles: big enough to be set-based, small enough to hold locks briefly. */
export const SLA_BATCH = 2000;

/** Statuses in which the deadline runs: those the overdue step admits (awaiting_citizen pauses it; answered ones are done). */
const RUNNING = `(${sqlList(statusesAdmitting(SystemAction.MarkOverdue))})`;

/**
 * The scheduler's set-based statements over the `appeals` table, owned here: each picks a batch
 * of due appeals with FOR UPDATE SKIP LOCKED, changes them, and writes their journal rows in the
 * same statement (JournalWriter's set-based form). Every statement selects only what is still to
 * do ("due ≤ now and not yet marked"), so it is idempotent and two processes never mark an appeal
 * twice. Each returns how many appeals it handled (fewer than SLA_BATCH: nothing left).
 */
@Injectable()
export class AppealBatches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: JournalWriter,
  ) {}

  /**
   * Overdue → flag, escalate to the parent department (it oversees the appeal from then on), tell
   * the department head. `routing` maps a department to { heads, headsDepartmentId, parentId } (JSON).
   */
  async markOverdue(now: Date, routing: string): Promise<number> {
    if (systemActionTarget(SystemAction.MarkOverdue) !== 'unchanged') throw new Error('overdue is expected to keep the status');
    return this.batch(
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
       ), ${this.journal.setSql(
         {
           appealId: 'r.id',
           events: SYSTEM_ACTION_EVENTS[SystemAction.MarkOverdue],
           from: 'r.status',
           to: 'r.status',
           audit: {
             action: `appeal.${HistoryEvent.Overdue}`,
             details: `jsonb_build_object('number', r.number, 'dueAt', r.due_at, 'escalatedTo', r.escalated_to_department_id,
                                          'notified', r.org -> 'heads', 'headsDepartmentId', r.org -> 'headsDepartmentId')`,
           },
           outbox: {
             eventType: `appeal.${HistoryEvent.Overdue}`,
             payload: {
               ...JournalWriter.systemStep('r', 'r.status', 'r.status'),
               dueAt: 'r.due_at',
               overdueAt: '$1::timestamptz',
               assigneeId: 'r.assignee_id',
               recipients: `coalesce(r.org -> 'heads', '[]'::jsonb)`,
               headsDepartmentId: `r.org -> 'headsDepartmentId'`,
               escalatedToDepartmentId: 'r.escalated_to_department_id',
             },
           },
         },
         'routed r',
         '$4',
       )}
       SELECT count(*)::int AS n FROM routed`,
      [now, SLA_BATCH, routing, SYSTEM_ACTOR_NAME],
    );
  }

  /**
   * The assignee is told once when the deadline is within the policy's reminder lead (hours; the
   * subcategory's policy over the category's over the type's). No history row: nothing changed.
   */
  async remind(now: Date): Promise<number> {
    const [{ max }] = await this.dataSource.query<{ max: number | null }[]>(`SELECT max(reminder_lead_hours)::int AS max FROM sla_policies`);
    const lead = (column: string) => `(SELECT p.reminder_lead_hours FROM sla_policies p WHERE p.type = a.type AND ${column})`;
    return this.batch(
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
         ${this.journal.outboxSelectSql(
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

  /**
   * The citizen is reminded once of the documents they were asked for, due by `until` (the next
   * working day) and not yet past (`today`), when the request predates `requestedBefore` (the
   * reminder day's start: a request made this morning needs no reminder yet). No history row:
   * nothing changed. The marker is the due date reminded of, so a new request earns a new one.
   */
  async remindDocuments(today: string, until: string, requestedBefore: Date): Promise<number> {
    return this.batch(
      `WITH due AS (
         SELECT a.id FROM appeals a
          WHERE a.status = '${AppealStatus.AwaitingCitizen}' AND a.documents_due_on BETWEEN $2::date AND $3::date
            AND a.documents_reminded_for IS DISTINCT FROM a.documents_due_on AND a.sla_paused_at < $4
          ORDER BY a.documents_due_on LIMIT $1 FOR UPDATE OF a SKIP LOCKED
       ), sent AS (
         UPDATE appeals a SET documents_reminded_for = a.documents_due_on FROM due WHERE a.id = due.id
         RETURNING a.id, a.number, a.citizen_id, a.department_id, a.type, a.status, a.documents_due_on
       ), outbox AS (
         ${this.journal.outboxSelectSql(
           'appeal.documents_due_soon',
           's.id',
           {
             appealId: 's.id',
             number: 's.number',
             citizenId: 's.citizen_id',
             departmentId: 's.department_id',
             type: 's.type',
             status: 's.status',
             documentsDueOn: 's.documents_due_on',
           },
           'sent s',
         )}
       )
       SELECT count(*)::int AS n FROM sent`,
      [SLA_BATCH, today, until, requestedBefore],
    );
  }

  /** The first reaction is late: told once to the department head (no status change). */
  async flagFirstReaction(now: Date, routing: string): Promise<number> {
    return this.batch(
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
         ${this.journal.outboxSelectSql(
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
      [now, SLA_BATCH, routing],
    );
  }

  /** Answered appeals the citizen left alone since `cutoff` (`afterDays` calendar days) → closed by the system. */
  async autoClose(now: Date, cutoff: Date, afterDays: number): Promise<number> {
    const from = statusesAdmitting(SystemAction.AutoClose);
    const to = systemActionTarget(SystemAction.AutoClose);
    if (to === 'unchanged' || from.some((s) => nextStatusForSystem(SystemAction.AutoClose, s) !== to)) throw new Error('auto-close needs one target status');
    return this.batch(
      `WITH due AS (
         SELECT id, status AS from_status FROM appeals
          WHERE status IN (${sqlList(from)}) AND answered_at IS NOT NULL AND answered_at <= $3
          ORDER BY answered_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), closed AS (
         UPDATE appeals a SET status = '${to}', closed_at = $1, updated_at = $1, version = a.version + 1
           FROM due WHERE a.id = due.id
         RETURNING a.id, a.number, a.citizen_id, a.department_id, a.type, a.answered_at, due.from_status
       ), ${this.journal.setSql(
         {
           appealId: 'c.id',
           events: SYSTEM_ACTION_EVENTS[SystemAction.AutoClose],
           from: 'c.from_status',
           to: `'${to}'`,
           audit: {
             action: `appeal.${HistoryEvent.AutoClosed}`,
             details: `jsonb_build_object('number', c.number, 'from', c.from_status, 'to', '${to}', 'answeredAt', c.answered_at, 'afterDays', $5::int)`,
           },
           outbox: { eventType: `appeal.${HistoryEvent.AutoClosed}`, payload: JournalWriter.systemStep('c', 'c.from_status', `'${to}'`) },
         },
         'closed c',
         '$4',
       )}
       SELECT count(*)::int AS n FROM closed`,
      [now, SLA_BATCH, cutoff, SYSTEM_ACTOR_NAME, afterDays],
    );
  }

  /**
   * 152-ФЗ: appeals closed or withdrawn more than `years` ago, not kept longer at the citizen's
   * request, lose their personal data — anonymised (texts, contacts, extra fields, message bodies,
   * history comments, files) or deleted — each with a destruction record and an audit row. Their
   * files' rows go in the same statement and their objects are queued for housekeeping, so none
   * is forgotten.
   */
  async destroyExpired(now: Date, today: string, years: number, mode: 'anonymise' | 'delete'): Promise<number> {
    const due = `due AS (
         SELECT id, number, closed_at FROM appeals
          WHERE status IN (${sqlList(FINAL_STATUSES)}) AND anonymised_at IS NULL
            AND closed_at <= $1::timestamptz - make_interval(years => $3)
            AND (retention_extended_until IS NULL OR retention_extended_until < $4::date)
          ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )`;
    const trail = (done: 'anonymised' | 'deleted') => `
       files AS (
         DELETE FROM attachments f USING destroyed d WHERE f.appeal_id = d.id RETURNING f.appeal_id, f.storage_key, f.preview_key
       ), purges AS (
         INSERT INTO storage_purges (storage_key, reason)
         SELECT k.key, 'retention' FROM files CROSS JOIN LATERAL (VALUES (files.storage_key), (files.preview_key)) AS k(key)
          WHERE k.key IS NOT NULL
       ), records AS (
         INSERT INTO retention_destructions (appeal_id, number, closed_at, destroyed_at, mode, actor, retention_years)
         SELECT d.id, d.number, d.closed_at, $1, '${done}', 'system:retention', $3 FROM destroyed d
       ), audit AS (
         INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, details)
         SELECT NULL, 'system', 'appeal.${done}', 'appeal', d.id::text,
                jsonb_build_object('number', d.number, 'closedAt', d.closed_at, 'retentionYears', $3::int,
                                   'files', (SELECT count(*) FROM files f WHERE f.appeal_id = d.id))
           FROM destroyed d
       ), events AS (
         -- The reports (and any other consumer) forget the appeal as the list does.
         ${this.journal.outboxSelectSql(
           'appeal.destroyed',
           'd.id',
           { appealId: 'd.id', number: 'd.number', mode: `'${done}'`, closedAt: 'd.closed_at' },
           'destroyed d',
         )}
       ), masked AS (
         -- The personal data in the appeal's audit rows (IPs, user agents, personal detail keys)
         -- is masked through audit_redact, which keeps each value's digest: the chain still verifies.
         ${auditMaskSql('a', "a.entity_type = 'appeal' AND a.entity_id IN (SELECT id::text FROM destroyed)")}
       )
       SELECT count(*)::int AS n, (SELECT count(*) FROM masked) AS masked FROM destroyed`;
    if (mode === 'delete') {
      return this.batch(
        `WITH ${due}, destroyed AS (
           DELETE FROM appeals a USING due WHERE a.id = due.id RETURNING a.id, due.number, due.closed_at
         ), ${trail('deleted')}`,
        [now, SLA_BATCH, years, today],
      );
    }
    return this.batch(
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
      [now, SLA_BATCH, years, today, ANONYMISED_TEXT],
    );
  }

  private async batch(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(sql, params);
    // Each statement commits on its own; the events it wrote are visible now.
    if (n > 0) this.journal.written();
    return n;
  }
}
