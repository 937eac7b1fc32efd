import { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin's list of dead notice deliveries, newest first (GET /admin/notification-deliveries). */
export class DeadNotificationDeliveries1765370000000 implements MigrationInterface {
  name = 'DeadNotificationDeliveries1765370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_deliveries_dead_idx ON notification_deliveries (created_at, id) WHERE status = 'dead'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_deliveries_dead_idx`);
  }
}
