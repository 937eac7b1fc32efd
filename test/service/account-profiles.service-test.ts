import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { AnswerChannel } from '@otklik/shared/domain';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../backend/src/database/data-source';
import { UserAccounts } from '../../backend/src/modules/users/user-accounts.repository';
import { openTestDatabase, TestDatabase } from './support/database';
import { counterBySource, until } from './support/polling';

/**
 * The account profile GET /me and a filing read (users/user-accounts.repository.ts, `profile()`),
 * on a real PostgreSQL with two "API processes" (two application contexts, each with its own
 * listener): a profile remembered in one process is forgotten in every process at the commit that
 * changes the row, however it is changed, and nothing is remembered while a listener is away.
 */
describe('UserAccounts.profile', () => {
  let db: TestDatabase;
  let sql: Client;
  const apps: INestApplicationContext[] = [];
  let a: UserAccounts;
  let b: UserAccounts;
  let userId: string;
  let serial = 0;

  async function process(): Promise<UserAccounts> {
    @Module({ imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(db.url), logging: ['error'] })], providers: [UserAccounts] })
    class AccountsModule {}
    const app = await NestFactory.createApplicationContext(AccountsModule, { logger: false });
    app.enableShutdownHooks();
    apps.push(app);
    return app.get(UserAccounts);
  }

  async function citizen(): Promise<string> {
    const email = `p${++serial}@example.ru`;
    return (
      await sql.query(`INSERT INTO users (email, email_normalized, role, full_name, preferred_answer_channel) VALUES ($1, $1, 'citizen', 'Петрова Анна', 'email') RETURNING id`, [email])
    ).rows[0].id;
  }

  /** Database reads of profiles so far (the counter the metrics expose). */
  const databaseReads = () => counterBySource('otklik_account_profile_reads_total', 'database');

  /** Reads until a process has its listener up and remembers the profile (a second read is from memory). */
  async function warm(accounts: UserAccounts, id: string): Promise<void> {
    await until(async () => {
      await accounts.profile(id);
      const before = await databaseReads();
      await accounts.profile(id);
      return (await databaseReads()) === before;
    });
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    userId = await citizen();
    a = await process();
    b = await process();
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await sql.end();
    await db.close();
  });

  it('answers from memory once the listener is up: the second read reads nothing', async () => {
    expect(await a.profile(userId)).toMatchObject({ id: userId, fullName: 'Петрова Анна', role: 'citizen', preferredAnswerChannel: 'email' });
    await warm(a, userId);
    const before = await databaseReads();
    for (let i = 0; i < 10; i++) expect((await a.profile(userId)).fullName).toBe('Петрова Анна');
    expect(await a.answerChannelOf(userId)).toBe('email');
    expect(await databaseReads()).toBe(before);
  });

  it('a change committed anywhere, by plain SQL too, is seen by every process at once', async () => {
    const id = await citizen();
    await warm(a, id);
    await warm(b, id);
    await sql.query(`UPDATE users SET preferred_answer_channel = 'post', full_name = 'Петрова-Смирнова Анна' WHERE id = $1`, [id]);
    // The notification arrives with the commit; give the event loops a moment to read it.
    await until(async () => (await a.answerChannelOf(id)) === AnswerChannel.Post && (await b.profile(id)).fullName === 'Петрова-Смирнова Анна', 1000);
  });

  it('a change rolled back changes nothing; an UPDATE that changes nothing costs no read', async () => {
    const id = await citizen();
    await warm(a, id);
    await sql.query('BEGIN');
    await sql.query(`UPDATE users SET full_name = 'Другая' WHERE id = $1`, [id]);
    await sql.query('ROLLBACK');
    await sql.query(`UPDATE users SET full_name = full_name WHERE id = $1`, [id]);
    await new Promise((r) => setTimeout(r, 100));
    const before = await databaseReads();
    expect((await a.profile(id)).fullName).toBe('Петрова Анна');
    expect(await databaseReads()).toBe(before);
  });

  it('an account deleted is a 404 everywhere', async () => {
    const id = await citizen();
    await warm(b, id);
    await sql.query(`DELETE FROM users WHERE id = $1`, [id]);
    await until(() => b.profile(id).then(() => false, (error: { status?: number }) => error.status === 404), 1000);
  });

  it('a write through the repository is seen by its own process at once, without waiting for the notification', async () => {
    const id = await citizen();
    await warm(a, id);
    await a.update(apps[0].get(DataSource).manager, id, { fullName: 'Новое Имя' });
    expect((await a.profile(id)).fullName).toBe('Новое Имя');
  });

  it('while its listener is cut off a process remembers nothing: a change then is still seen at once', async () => {
    const id = await citizen();
    await warm(a, id);
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'otklik-accounts' AND datname = current_database()`);
    await until(async () => {
      const before = await databaseReads();
      await a.profile(id);
      return (await databaseReads()) > before;
    }, 2000);
    await sql.query(`UPDATE users SET preferred_answer_channel = 'post' WHERE id = $1`, [id]);
    expect(await a.answerChannelOf(id)).toBe('post');
    // Back up, a profile is remembered again.
    await warm(a, id);
  });
});
