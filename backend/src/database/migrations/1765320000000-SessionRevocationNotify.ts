import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revoked or deleted refresh-token family is announced at commit (NOTIFY
 * otklik_session_revoked, the family id as payload), so every API process forgets the session it
 * remembered as live and the access tokens of it stop at once (auth/live-sessions.repository.ts).
 * Every way of ending a session is covered: logout, «end this session», password change,
 * refresh-token reuse, an operator's SQL, the housekeeping purge.
 */
export class SessionRevocationNotify1765320000000 implements MigrationInterface {
  name = 'SessionRevocationNotify1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refresh_tokens_revoked_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Notifications with the same payload in one transaction are folded into one.
        PERFORM pg_notify('otklik_session_revoked', OLD.family_id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER refresh_tokens_revoked AFTER UPDATE OF revoked_at ON refresh_tokens
        FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION refresh_tokens_revoked_notify();
      CREATE TRIGGER refresh_tokens_deleted AFTER DELETE ON refresh_tokens
        FOR EACH ROW EXECUTE FUNCTION refresh_tokens_revoked_notify();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER refresh_tokens_deleted ON refresh_tokens;
      DROP TRIGGER refresh_tokens_revoked ON refresh_tokens;
      DROP FUNCTION refresh_tokens_revoked_notify();
    `);
  }
}
