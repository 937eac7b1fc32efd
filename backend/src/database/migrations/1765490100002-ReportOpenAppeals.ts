import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports' "now" figures over open appeals (issue 14: sla, backlog and operators at 1M). Each
 * of them groups the open appeals (AppealReportReader.openGroups), and backlog lists the oldest;
 * both read every open appeal's heap row through appeals_queue_due (21k open appeals on 15k pages
 * at 1M: 240–330 ms). Two partial indexes over the open appeals alone:
 * - appeals_open_groups: the grouping's columns, so the grouping is an index-only scan (25 ms
 *   once vacuumed);
 * - appeals_open_oldest: the oldest open appeals in order (10 index entries, not a sort of 21k).
 */
export class ReportOpenAppeals1765490100002 implements MigrationInterface {
  name = 'ReportOpenAppeals1765490100002';

  async up(q: QueryRunner): Promise<void> {
    const open = `status IN ('registered', 'in_progress', 'awaiting_approval', 'awaiting_citizen')`;
    await q.query(`CREATE INDEX appeals_open_groups ON appeals (department_id, assignee_id, status) INCLUDE (registered_at, overdue, escalated) WHERE ${open}`);
    await q.query(`CREATE INDEX appeals_open_oldest ON appeals (registered_at, id) WHERE ${open}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appeals_open_oldest`);
    await q.query(`DROP INDEX appeals_open_groups`);
  }
}
