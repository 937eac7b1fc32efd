import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeat appeals as a stored per-appeal fact (issue 14: the quality report at 1M). "A repeat" — the
 * same citizen filed an earlier appeal (by registration, then id) in the same category — was an
 * EXISTS over every appeal of the period on each request (6.3 s at 1M). Now:
 * - report_appeal_facts.repeat, kept by the rollups consumer (which refreshes a citizen's other
 *   appeals in the category when one joins or leaves it: retention destroying the earlier appeal
 *   makes the next one the first) and by reports:rebuild; citizen_id, the group it was decided in.
 * - report_daily.repeats: the repeats registered that day, summed by the quality report.
 * - appeals_repeat_group: the per-appeal probe (and the group's first appeal) as an index lookup.
 * - report_appeal_facts_first_of_group: the appeals stored as "not a repeat", by group.
 * Existing rows are filled here from the appeals, so the figures are right without a rebuild.
 */
export class ReportRepeatFacts1765490100000 implements MigrationInterface {
  name = 'ReportRepeatFacts1765490100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appeals_repeat_group ON appeals (citizen_id, category_id, registered_at, id) WHERE status <> 'draft' AND citizen_id IS NOT NULL`);
    await q.query(`ALTER TABLE report_appeal_facts ADD citizen_id uuid, ADD repeat boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE report_daily ADD repeats integer NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE report_appeal_facts f
         SET citizen_id = a.citizen_id,
             repeat = a.citizen_id IS NOT NULL AND EXISTS (
               SELECT 1 FROM appeals p WHERE p.citizen_id = a.citizen_id AND p.category_id = a.category_id AND p.status <> 'draft'
                  AND (p.registered_at, p.id) < (a.registered_at, a.id))
        FROM appeals a
       WHERE a.id = f.appeal_id AND a.citizen_id IS NOT NULL`);
    await q.query(`
      UPDATE report_daily d SET repeats = s.n
        FROM (SELECT registered_on, department_id, category_id, subcategory_id, type, channel, region, count(*)::int AS n
                FROM report_appeal_facts WHERE repeat GROUP BY 1, 2, 3, 4, 5, 6, 7) s
       WHERE d.day = s.registered_on AND d.department_id IS NOT DISTINCT FROM s.department_id AND d.category_id = s.category_id
         AND d.subcategory_id IS NOT DISTINCT FROM s.subcategory_id AND d.type = s.type AND d.channel = s.channel AND d.region IS NOT DISTINCT FROM s.region`);
    await q.query(`CREATE INDEX report_appeal_facts_first_of_group ON report_appeal_facts (citizen_id, category_id) WHERE citizen_id IS NOT NULL AND NOT repeat`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_appeal_facts_first_of_group`);
    await q.query(`ALTER TABLE report_daily DROP COLUMN repeats`);
    await q.query(`ALTER TABLE report_appeal_facts DROP COLUMN repeat, DROP COLUMN citizen_id`);
    await q.query(`DROP INDEX appeals_repeat_group`);
  }
}
