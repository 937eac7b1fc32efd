import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppealStatus } from '@otklik/shared/domain';
import { DepartmentTree } from '../users/department-tree.repository';

/** What a notice says about an appeal, and who it goes to. */
export interface AppealNoticeFacts {
  number: number;
  subject: string;
  status: AppealStatus;
  dueAt: Date | null;
  documentsDueOn: string | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  registeredAt: Date | null;
  rating: number | null;
  citizenId: string | null;
  unidentified: boolean;
  /** The contact given with an appeal filed without an account (encrypted). */
  contactEncrypted: string | null;
  /** How the answer is delivered (cabinet, email, post): picks the one channel an author without an account is told by. */
  answerChannel: string;
  /** The reasoning of the proposal waiting for a supervisor's decision (internal: staff only). */
  proposalReason: string | null;
}

/** An appeal's place in the organisation, as webhooks filter and report it. */
export interface AppealRouting {
  number: number | null;
  type: string;
  status: string;
  departmentId: string | null;
  categoryId: string;
  subcategoryId: string | null;
}

/**
 * What a public tracker (Open311) may show of an appeal: where it stands, its dates and the
 * result of the latest answer, never its texts, its author or the executor.
 */
export interface AppealPublicState {
  number: number;
  status: AppealStatus;
  categoryId: string;
  subcategoryId: string | null;
  departmentName: string | null;
  registeredAt: Date | null;
  updatedAt: Date;
  dueAt: Date | null;
  noAnswerRequired: boolean;
  answerResult: string | null;
  answeredAt: Date | null;
}

/** The latest answer as a notice quotes it. */
export interface QuotedAnswer {
  text: string;
  executorName: string;
  executorPosition: string | null;
  reason: string | null;
}

/**
 * The appeals module's reader for notifications: the facts of an appeal, the thread message a
 * step told the citizen with, and the latest answer — so the notifier never queries appeals.
 */
@Injectable()
export class AppealFactsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentTree,
  ) {}

  /** null: the appeal is gone (destroyed by retention meanwhile). */
  async factsOf(appealId: string): Promise<AppealNoticeFacts | null> {
    return (await this.factsOfMany([appealId])).get(appealId) ?? null;
  }

  /** The facts of several appeals in one query; an appeal that is gone is missing from the map. */
  async factsOfMany(appealIds: readonly string[]): Promise<Map<string, AppealNoticeFacts>> {
    const rows = await this.dataSource.query<(Omit<AppealNoticeFacts, 'departmentName' | 'departmentNameEn'> & { id: string })[]>(
      `SELECT a.id, a.number::int AS number, a.subject, a.status, a.due_at AS "dueAt", a.documents_due_on::text AS "documentsDueOn",
              a.department_id AS "departmentId", a.assignee_id AS "assigneeId", a.registered_at AS "registeredAt", a.rating,
              a.citizen_id AS "citizenId", a.unidentified, a.contact_encrypted AS "contactEncrypted", a.answer_channel AS "answerChannel",
              nullif(a.pending_proposal->>'reason', '') AS "proposalReason"
         FROM appeals a WHERE a.id = ANY($1::uuid[])`,
      [[...new Set(appealIds)]],
    );
    const facts = new Map<string, AppealNoticeFacts>();
    // Names from the process's copy of the departments: a notice's batch reads no departments row.
    const departments = rows.length ? await this.departments.byId() : new Map<string, never>();
    for (const { id, ...row } of rows) {
      const department = row.departmentId ? departments.get(row.departmentId) : null;
      facts.set(id, { ...row, departmentName: department?.nameRu ?? null, departmentNameEn: department?.nameEn ?? department?.nameRu ?? null });
    }
    return facts;
  }

  /**
   * Where appeals stand for outgoing webhooks: department, category and status only (their
   * filters and envelopes carry no personal data). An appeal that is gone is missing.
   */
  async routingOfMany(appealIds: readonly string[]): Promise<Map<string, AppealRouting>> {
    if (appealIds.length === 0) return new Map();
    const rows = await this.dataSource.query<(AppealRouting & { id: string })[]>(
      `SELECT a.id, a.number::int AS number, a.type, a.status, a.department_id AS "departmentId", a.category_id AS "categoryId", a.subcategory_id AS "subcategoryId"
         FROM appeals a WHERE a.id = ANY($1::uuid[])`,
      [[...new Set(appealIds)]],
    );
    return new Map(rows.map(({ id, ...r }) => [id, r]));
  }

  /** The public state of several appeals (Open311); an appeal that is gone is missing from the map. */
  async publicStateOfMany(appealIds: readonly string[]): Promise<Map<string, AppealPublicState>> {
    if (appealIds.length === 0) return new Map();
    const rows = await this.dataSource.query<(Omit<AppealPublicState, 'departmentName'> & { id: string; departmentId: string | null })[]>(
      `SELECT a.id, a.number::int AS number, a.status, a.category_id AS "categoryId", a.subcategory_id AS "subcategoryId", a.department_id AS "departmentId",
              a.registered_at AS "registeredAt", a.updated_at AS "updatedAt", a.due_at AS "dueAt", a.no_answer_required AS "noAnswerRequired",
              l.result AS "answerResult", l.answered_at AS "answeredAt"
         FROM appeals a
         LEFT JOIN LATERAL (SELECT result, answered_at FROM answers WHERE appeal_id = a.id ORDER BY answered_at DESC, created_at DESC LIMIT 1) l ON true
        WHERE a.id = ANY($1::uuid[])`,
      [[...new Set(appealIds)]],
    );
    const states = new Map<string, AppealPublicState>();
    for (const { id, departmentId, ...row } of rows) {
      const department = departmentId ? await this.departments.known(departmentId) : null;
      states.set(id, { ...row, departmentName: department?.nameRu ?? null });
    }
    return states;
  }

  /** The citizen's own texts of several appeals, for the one who filed them (Open311: the client app that filed). */
  async textsOf(appealIds: readonly string[]): Promise<Map<string, string>> {
    if (appealIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; body: string }[]>(`SELECT id, body FROM appeals WHERE id = ANY($1::uuid[])`, [[...new Set(appealIds)]]);
    return new Map(rows.map((r) => [r.id, r.body]));
  }

  /** The body of a message the citizen may read (not an internal note) of this appeal. */
  async noticeText(appealId: string, messageId: string): Promise<string | null> {
    const [notice] = await this.dataSource.query<{ body: string }[]>(`SELECT body FROM appeal_messages WHERE id = $1 AND appeal_id = $2 AND NOT internal`, [messageId, appealId]);
    return notice?.body ?? null;
  }

  async latestAnswer(appealId: string): Promise<QuotedAnswer | null> {
    const [answer] = await this.dataSource.query<QuotedAnswer[]>(
      `SELECT text, executor_name AS "executorName", executor_position AS "executorPosition", reason
         FROM answers WHERE appeal_id = $1 ORDER BY answered_at DESC, created_at DESC LIMIT 1`,
      [appealId],
    );
    return answer ?? null;
  }
}
