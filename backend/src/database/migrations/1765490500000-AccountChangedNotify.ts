import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A changed or deleted account is announced at commit (NOTIFY otklik_account_changed, the account
 * id as payload), so every API process forgets the profile it remembered
 * (users/user-accounts.repository.ts, `profile()`: GET /me and a filing's default answer channel).
 * Every way of changing an account is covered: the profile, the contacts' codes, ESIA, the
 * administration, anonymisation, an operator's SQL. An UPDATE that changes nothing sends nothing.
 */
export class AccountChangedNotify1765490500000 implements MigrationInterface {
  name = 'AccountChangedNotify1765490500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION users_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Notifications with the same payload in one transaction are folded into one.
        PERFORM pg_notify('otklik_account_changed', OLD.id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER users_changed AFTER UPDATE ON users
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION users_changed_notify();
      CREATE TRIGGER users_deleted AFTER DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION users_changed_notify();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER users_deleted ON users;
      DROP TRIGGER users_changed ON users;
      DROP FUNCTION users_changed_notify();
    `);
  }
}
