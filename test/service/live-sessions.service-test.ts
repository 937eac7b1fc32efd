import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { dataSourceOptions } from '../../backend/src/database/data-source';
import { LiveSessions } from '../../backend/src/modules/auth/live-sessions.repository';
import { openTestDatabase, TestDatabase } from './support/database';
import { counterBySource, until } from './support/polling';

/**
 * The session check every signed-in request makes (auth/live-sessions.repository.ts), on a real
 * PostgreSQL with two "API processes" (two application contexts, each with its own listener): a
 * session remembered as live stops being live everywhere at the revoking commit, whatever ends it,
 * and nothing is remembered while a process's listener is away.
 */
describe('LiveSessions', () => {
  let db: TestDatabase;
  let sql: Client;
  const apps: INestApplicationContext[] = [];
  let a: LiveSessions;
  let b: LiveSessions;
  let userId: string;

  async function process(): Promise<LiveSessions> {
    @Module({ imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(db.url), logging: ['error'] })], providers: [LiveSessions] })
    class SessionsModule {}
    const app = await NestFactory.createApplicationContext(SessionsModule, { logger: false });
    app.enableShutdownHooks();
    apps.push(app);
    return app.get(LiveSessions);
  }

  /** A session family with one refresh token. */
  async function session(): Promise<string> {
    const family = randomUUID();
    await sql.query(`INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`, [userId, family, randomUUID()]);
    return family;
  }

  /** Database reads of session checks so far (the counter the metrics expose). */
  const databaseChecks = () => counterBySource('otklik_session_checks_total', 'database');

  /** Checks until a process has its listener up and remembers `family` (a second check is from memory). */
  async function warm(sessions: LiveSessions, family: string): Promise<void> {
    await until(async () => {
      await sessions.isLive(family, userId);
      const before = await databaseChecks();
      await sessions.isLive(family, userId);
      return (await databaseChecks()) === before;
    });
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    userId = (
      await sql.query(`INSERT INTO users (email, email_normalized, role, full_name) VALUES ('s@example.ru', 's@example.ru', 'citizen', 'С') RETURNING id`)
    ).rows[0].id;
    a = await process();
    b = await process();
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await sql.end();
    await db.close();
  });

  it('answers from memory once the listener is up: the second check reads nothing', async () => {
    const family = await session();
    expect(await a.isLive(family, userId)).toBe(true);
    await warm(a, family);
    const before = await databaseChecks();
    for (let i = 0; i < 10; i++) expect(await a.isLive(family, userId)).toBe(true);
    expect(await databaseChecks()).toBe(before);
  });

  it('a session of another user is not live, even when remembered for its own', async () => {
    const family = await session();
    await warm(a, family);
    expect(await a.isLive(family, randomUUID())).toBe(false);
  });

  it('a revocation committed anywhere stops the session in every process at once', async () => {
    const family = await session();
    await warm(a, family);
    await warm(b, family);
    await sql.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1`, [family]);
    // The notification arrives with the commit; give the event loops a moment to read it.
    await until(async () => !(await a.isLive(family, userId)) && !(await b.isLive(family, userId)), 1000);
  });

  it('so does deleting the family (the housekeeping purge, an account deleted)', async () => {
    const family = await session();
    await warm(b, family);
    await sql.query(`DELETE FROM refresh_tokens WHERE family_id = $1`, [family]);
    await until(async () => !(await b.isLive(family, userId)), 1000);
  });

  it('a revocation rolled back changes nothing', async () => {
    const family = await session();
    await warm(a, family);
    await sql.query('BEGIN');
    await sql.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1`, [family]);
    await sql.query('ROLLBACK');
    await new Promise((r) => setTimeout(r, 100));
    expect(await a.isLive(family, userId)).toBe(true);
  });

  it('while its listener is cut off a process remembers nothing: a revocation then is still seen at once', async () => {
    const family = await session();
    await warm(a, family);
    // Cut every session listener; revoke before they can reconnect (their back-off starts at 0.5 s).
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'otklik-sessions' AND datname = current_database()`);
    await until(async () => {
      const before = await databaseChecks();
      await a.isLive(family, userId);
      return (await databaseChecks()) > before;
    }, 2000);
    await sql.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1`, [family]);
    expect(await a.isLive(family, userId)).toBe(false);
    // Back up, a new session is remembered again.
    const next = await session();
    await warm(a, next);
  });
});
