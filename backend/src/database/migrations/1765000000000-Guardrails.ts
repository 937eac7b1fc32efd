import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 59-ФЗ guardrails (issue 11): a department may put extensions and closures without an answer
 * under a supervisor's approval (`approval_required_for`, the staff action names); an appeal
 * carries the one proposal awaiting its supervisor's decision (`pending_proposal`: the proposed
 * action, its fields, the reasoning, who proposed it and when). Decisions are in the history,
 * the audit log and the internal thread.
 */
export class Guardrails1765000000000 implements MigrationInterface {
  name = 'Guardrails1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE departments ADD COLUMN approval_required_for text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT departments_approval_required_for_check CHECK (approval_required_for <@ ARRAY['extend', 'no-answer-required']::text[]);
      ALTER TABLE appeals ADD COLUMN pending_proposal jsonb,
        ADD CONSTRAINT appeals_pending_proposal_check CHECK (
          pending_proposal IS NULL OR (pending_proposal->>'action' IN ('terminate-correspondence', 'extend', 'no-answer-required') AND status = 'awaiting_approval')
        );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals DROP CONSTRAINT appeals_pending_proposal_check, DROP COLUMN pending_proposal;
      ALTER TABLE departments DROP CONSTRAINT departments_approval_required_for_check, DROP COLUMN approval_required_for;
    `);
  }
}
