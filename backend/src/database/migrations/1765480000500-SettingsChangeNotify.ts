import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['categories', 'departments', 'routing_rules', 'sla_policies', 'production_calendar_years'];

/**
 * A change to a settings table that processes keep in memory is announced at commit (NOTIFY
 * otklik_settings_changed, the table's name as payload), so every API and worker process drops
 * its copy at once instead of after its cache's time-to-live (database/settings-changes.ts).
 * Statement triggers: one notification per changing statement, folded by PostgreSQL into one per
 * transaction and table.
 */
export class SettingsChangeNotify1765480000500 implements MigrationInterface {
  name = 'SettingsChangeNotify1765480000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION settings_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('otklik_settings_changed', TG_TABLE_NAME);
        RETURN NULL;
      END $$;
    `);
    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER ${table}_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION settings_changed_notify()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_settings_changed ON ${table}`);
    await q.query('DROP FUNCTION settings_changed_notify()');
  }
}
