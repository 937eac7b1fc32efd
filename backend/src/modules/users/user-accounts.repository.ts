import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/problem/domain-error';
import { runPrepared } from '../../common/sql/prepared';
import { PgListener } from '../../database/pg-listener';
import { normalizeEmail, TrustLevel, User } from './user.entity';

export { normalizeEmail };
export type { TrustLevel };

/** Columns kept out of every read unless asked for by name (hashes and ciphertexts). */
export type AccountSecret = 'passwordHash' | 'totpSecretEncrypted' | 'personalEncrypted';

/** An account as other modules see it: the `users` row, without its secrets unless they were asked for. */
export type Account = Omit<User, AccountSecret | 'department'> & Partial<Pick<User, AccountSecret>>;

/** Writable columns of an account. */
export type AccountFields = Partial<Omit<User, 'id' | 'department' | 'createdAt' | 'updatedAt'>>;

/** Equality conditions on an account's columns; `null` matches NULL. */
export type AccountWhere = Partial<Pick<User, 'id' | 'emailNormalized' | 'esiaOid' | 'snilsHash' | 'phoneHash' | 'role' | 'active'>>;

export interface StaffFilter {
  q?: string;
  role?: string;
  /** Only these departments (a supervisor's subtree); undefined → any. */
  departmentIds?: string[];
  status?: 'invited' | 'active' | 'locked';
}

/** A staff account as the administration lists it. */
export interface StaffRow {
  id: string;
  email: string;
  fullName: string;
  position: string | null;
  role: User['role'];
  departmentId: string | null;
  lockedAt: Date | null;
  lockReason: string | null;
  mfaMethod: string | null;
  ipAllowList: string[];
  createdAt: Date;
  invited: boolean;
}

/** An active account's addresses for notices. */
export interface AccountReach {
  id: string;
  role: string;
  /** Set only when the address was verified: an unverified one gets no notices (only its verification code). */
  email: string | null;
  /** Set only when the phone in it was confirmed. */
  personalEncrypted: string | null;
}

export interface AccountRead {
  /** The caller's transaction; reads outside one use the pool. */
  manager?: EntityManager;
  /** SELECT … FOR UPDATE (needs `manager`). */
  lock?: boolean;
  secrets?: readonly AccountSecret[];
  /** Only these columns (a hot read that needs a few: GET /me); the others are absent from the result. */
  columns?: readonly (keyof Account)[];
}

/** The columns of an account's profile: what GET /me shows and a filing's default answer channel. */
export const PROFILE_COLUMNS = [
  'id',
  'email',
  'fullName',
  'role',
  'position',
  'departmentId',
  'esiaOid',
  'trustLevel',
  'emailVerified',
  'phoneVerified',
  'preferredAnswerChannel',
] as const satisfies readonly (keyof Account)[];

export type AccountProfile = Pick<Account, (typeof PROFILE_COLUMNS)[number]>;

/** How many profiles a process remembers (the oldest is forgotten first). */
const PROFILE_CAPACITY = 50_000;
/** How long a remembered profile is used: a bound on memory, not on freshness (a change is seen at once). */
const PROFILE_REMEMBER_MS = 5 * 60_000;

const profileReads = new Counter({
  name: 'otklik_account_profile_reads_total',
  help: 'Account profile reads (GET /me, a filing\'s default answer channel), by where the answer came from (memory or database)',
  labelNames: ['source'],
});

/**
 * The `users` table, owned by the users module: sign-in, registration, ESIA and the second
 * factor (auth) read and write accounts only through here.
 */
@Injectable()
export class UserAccounts implements OnApplicationShutdown {
  private readonly logger = new Logger(UserAccounts.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Profiles read before, by account id. A change to a `users` row (any column, by any process,
   * by SQL too) sends NOTIFY otklik_account_changed with its id at commit (migration
   * 1765490500000-AccountChangedNotify), and every process forgets it. While the listener is not
   * connected nothing is remembered and every read goes to the database; a read that overlapped a
   * notification is not remembered (the generation moved), as in LiveSessions.
   */
  private readonly profiles = new Map<string, { profile: AccountProfile; at: number }>();
  private profileListener?: PgListener;
  private profileGeneration = 0;

  /**
   * An account's profile (PROFILE_COLUMNS): every signed-in GET /me and every filing that names no
   * answer channel asks, so it is remembered per process; a missing account is a 404.
   */
  async profile(id: string): Promise<AccountProfile> {
    const known = this.rememberedProfile(id);
    if (known) {
      profileReads.inc({ source: 'memory' });
      return known;
    }
    const generation = this.profileGeneration;
    const profile = (await this.findOne({ id }, { columns: PROFILE_COLUMNS })) as AccountProfile | null;
    profileReads.inc({ source: 'database' });
    if (!profile) throw new NotFoundError('user');
    return this.remember(profile, generation);
  }

  /** The profile this process remembers, if it does (nothing is read): for callers inside a transaction, who read their own way otherwise. */
  rememberedProfile(id: string): AccountProfile | undefined {
    this.listenForChanges();
    const known = this.profiles.get(id);
    return known && Date.now() - known.at < PROFILE_REMEMBER_MS && this.profileListener!.connected ? known.profile : undefined;
  }

  /**
   * Several accounts' names, from their remembered profiles; those not remembered are read in one
   * statement and remembered (StaffDirectory.namesOf answers through here: the staff queue names
   * each page's assignees and citizens, a round trip a page before). A missing account has no entry.
   */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    this.listenForChanges();
    const names = new Map<string, string>();
    const missing: string[] = [];
    const now = Date.now();
    const connected = this.profileListener!.connected;
    for (const id of new Set(ids)) {
      const known = connected ? this.profiles.get(id) : undefined;
      if (known && now - known.at < PROFILE_REMEMBER_MS) names.set(id, known.profile.fullName);
      else missing.push(id);
    }
    profileReads.inc({ source: 'memory' }, names.size);
    if (missing.length === 0) return names;
    const generation = this.profileGeneration;
    const rows = await runPrepared<AccountProfile>(this.dataSource.manager, (this.profilesStatement ??= this.profilesSelect()), [missing]);
    profileReads.inc({ source: 'database' }, rows.length);
    for (const row of rows) names.set(row.id, this.remember(row, generation).fullName);
    return names;
  }

  /** Remembers a profile just read, unless a change was announced meanwhile (the generation moved) or nobody listens for changes. */
  private remember(profile: AccountProfile, generation: number): AccountProfile {
    if (generation !== this.profileGeneration || !this.profileListener!.connected) return profile;
    const frozen = Object.freeze(profile);
    this.profiles.delete(profile.id);
    this.profiles.set(profile.id, { profile: frozen, at: Date.now() });
    if (this.profiles.size > PROFILE_CAPACITY) this.profiles.delete(this.profiles.keys().next().value!);
    return frozen;
  }

  /** namesOf's statement: the profile columns of several accounts by id. */
  private profilesStatement?: string;

  private profilesSelect(): string {
    const metadata = this.dataSource.getMetadata(User);
    const select = PROFILE_COLUMNS.map((property) => `u.${metadata.findColumnWithPropertyName(property)!.databaseName} AS "${property}"`).join(', ');
    return `SELECT ${select} FROM users u WHERE u.id = ANY($1::uuid[])`;
  }

  /** Forgets a profile at once: a writer in this process calls it after its commit (the NOTIFY reaches the others, and this one a moment later). */
  forgetProfile(id: string): void {
    this.profileGeneration++;
    this.profiles.delete(id);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.profileListener?.stop();
  }

  /** Started on the first profile read, so processes that read none (the worker, the CLI) hold no connection. */
  private listenForChanges(): void {
    if (this.profileListener) return;
    const url = (this.dataSource.options as { url?: string }).url!;
    const forgetAll = () => {
      this.profileGeneration++;
      this.profiles.clear();
    };
    this.profileListener = new PgListener(url, 'otklik_account_changed', { notify: (id) => this.forgetProfile(id), up: forgetAll, down: forgetAll }, this.logger, 'otklik-accounts');
    this.profileListener.start();
  }

  /** findOne's statements by shape, built once from the entity's columns. */
  private readonly statements = new Map<string, string>();

  /**
   * One account by equality on its columns, in one plain statement: the select list comes from the
   * entity's columns (secrets only when asked for by name) and is built once. Every signed-in
   * `GET /me` comes here; TypeORM's query builder cost a sixth of that request's CPU.
   */
  async findOne(where: AccountWhere, read: AccountRead = {}): Promise<Account | null> {
    if (read.lock && !read.manager) throw new Error('UserAccounts.findOne: a lock needs the caller\'s transaction');
    // The statement's shape: which columns are compared (and which to NULL), what is selected, the lock.
    const params: unknown[] = [];
    let shape = '';
    for (const property in where) {
      const value = where[property as keyof AccountWhere];
      if (value === undefined) continue;
      shape += value === null ? `${property}=null,` : `${property},`;
      if (value !== null) params.push(value);
    }
    if (!shape) throw new Error('UserAccounts.findOne needs a condition');
    const key = `${shape}|${read.secrets?.join(',') ?? ''}|${read.columns?.join(',') ?? '*'}|${read.lock ? 'lock' : ''}`;
    let text = this.statements.get(key);
    if (!text) {
      text = this.statementOf(where, read);
      this.statements.set(key, text);
    }
    // Prepared: the text is fixed per shape, values are parameters.
    const rows = await runPrepared<Account>(read.manager ?? this.dataSource.manager, text, params);
    return rows[0] ?? null;
  }

  /** The SELECT of findOne for one shape, its parameters in the order of `where`'s defined, non-null values. */
  private statementOf(where: AccountWhere, read: AccountRead): string {
    const metadata = this.dataSource.getMetadata(User);
    const conditions: string[] = [];
    let n = 0;
    for (const [property, value] of Object.entries(where)) {
      if (value === undefined) continue;
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`UserAccounts.findOne: no column ${property}`);
      conditions.push(value === null ? `u.${column.databaseName} IS NULL` : `u.${column.databaseName} = $${++n}`);
    }
    const secrets = read.secrets ?? [];
    const select = metadata.columns
      .filter((c) => (read.columns ? read.columns.includes(c.propertyName as keyof Account) : c.isSelect) || secrets.includes(c.propertyName as AccountSecret))
      .map((c) => `u.${c.databaseName} AS "${c.propertyName}"`)
      .join(', ');
    return `SELECT ${select} FROM users u WHERE ${conditions.join(' AND ')} LIMIT 1${read.lock ? ' FOR UPDATE' : ''}`;
  }

  /** The account by id; a missing one is a 404 (the caller holds a token naming it, so it was deleted). */
  async get(id: string, read: AccountRead = {}): Promise<Account> {
    const account = await this.findOne({ id }, read);
    if (!account) throw new NotFoundError('user');
    return account;
  }

  /**
   * The account's default answer channel, the one column a filing needs (a citizen files without
   * naming one), from the remembered profile: no round trip on a citizen's next filing. A missing
   * account is a 404, as in get().
   */
  async answerChannelOf(id: string): Promise<User['preferredAnswerChannel']> {
    return (await this.profile(id)).preferredAnswerChannel;
  }

  /**
   * Where several active accounts can be reached (notifications): the e-mail address (only when
   * it was verified), and the encrypted personal data that holds the phone (only when it was confirmed).
   */
  async reachOf(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<AccountReach[]> {
    if (ids.length === 0) return [];
    return manager.query<AccountReach[]>(
      `SELECT id, role, CASE WHEN email_verified THEN email END AS email, CASE WHEN phone_verified THEN personal_encrypted END AS "personalEncrypted"
         FROM users WHERE id = ANY($1::uuid[]) AND active`,
      [[...ids]],
    );
  }

  /**
   * Citizens by an exact e-mail, an exact phone (its blind index) or a part of the name (at most
   * `limit`, by name): how auditors find whose access log to read.
   */
  async searchCitizens(by: { emailNormalized: string } | { phoneHash: string } | { name: string }, limit: number): Promise<Array<{ id: string; fullName: string; email: string; createdAt: Date }>> {
    const [where, value] =
      'emailNormalized' in by
        ? ['email_normalized = $1', by.emailNormalized]
        : 'phoneHash' in by
          ? ['phone_hash = $1', by.phoneHash]
          : [`full_name ILIKE '%' || $1 || '%' ESCAPE '\\'`, by.name.replace(/[\\%_]/g, (c) => `\\${c}`)];
    return this.dataSource.query(
      `SELECT id, full_name AS "fullName", email, created_at AS "createdAt" FROM users WHERE role = 'citizen' AND ${where} ORDER BY full_name, id LIMIT $2`,
      [value, limit],
    );
  }

  /**
   * Staff accounts (every role but citizen) by name or e-mail part, role, department set and status,
   * ordered by name then id, keyset-paged after (`after`); `invited` means no password yet.
   */
  async searchStaff(filter: StaffFilter, limit: number, after: { fullName: string; id: string } | null): Promise<StaffRow[]> {
    const params: unknown[] = [];
    const where = [`u.role <> 'citizen'`];
    if (filter.q) {
      const like = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`(u.full_name ILIKE '%' || $${params.push(like)} || '%' ESCAPE '\\' OR u.email_normalized ILIKE '%' || $${params.length} || '%' ESCAPE '\\')`);
    }
    if (filter.role) where.push(`u.role = $${params.push(filter.role)}`);
    if (filter.departmentIds) where.push(`u.department_id = ANY($${params.push(filter.departmentIds)}::uuid[])`);
    if (filter.status === 'invited') where.push('u.password_hash IS NULL');
    if (filter.status === 'locked') where.push('u.locked_at IS NOT NULL');
    if (filter.status === 'active') where.push('u.password_hash IS NOT NULL AND u.locked_at IS NULL');
    if (after) where.push(`(u.full_name, u.id) > ($${params.push(after.fullName)}, $${params.push(after.id)}::uuid)`);
    return this.dataSource.query<StaffRow[]>(
      `SELECT u.id, u.email, u.full_name AS "fullName", u.position, u.role, u.department_id AS "departmentId", u.locked_at AS "lockedAt",
              u.lock_reason AS "lockReason", u.mfa_method AS "mfaMethod", u.ip_allow_list AS "ipAllowList", u.created_at AS "createdAt",
              u.password_hash IS NULL AS invited
         FROM users u WHERE ${where.join(' AND ')} ORDER BY u.full_name, u.id LIMIT $${params.push(limit)}`,
      params,
    );
  }

  /** One staff account as the administration shows it (null: none, or a citizen). */
  async staffRow(id: string, manager: EntityManager = this.dataSource.manager): Promise<StaffRow | null> {
    const [row] = await manager.query<StaffRow[]>(
      `SELECT u.id, u.email, u.full_name AS "fullName", u.position, u.role, u.department_id AS "departmentId", u.locked_at AS "lockedAt",
              u.lock_reason AS "lockReason", u.mfa_method AS "mfaMethod", u.ip_allow_list AS "ipAllowList", u.created_at AS "createdAt",
              u.password_hash IS NULL AS invited
         FROM users u WHERE u.id = $1 AND u.role <> 'citizen'`,
      [id],
    );
    return row ?? null;
  }

  async exists(where: AccountWhere, manager?: EntityManager): Promise<boolean> {
    return (await this.findOne(where, { manager })) !== null;
  }

  /** Inserts an account in the caller's transaction and returns it with its generated id. */
  async insert(manager: EntityManager, fields: AccountFields): Promise<Account> {
    const user = manager.create(User, fields);
    await manager.insert(User, user);
    return user;
  }

  /** Forgets the profile now (a read running meanwhile remembers nothing); its NOTIFY at commit forgets whatever was read in between. */
  async update(manager: EntityManager, id: string, fields: AccountFields): Promise<void> {
    this.forgetProfile(id);
    await manager.update(User, { id }, fields);
  }

  /** Turns TOTP on unless it already is; false when another request got there first. */
  async switchToTotp(manager: EntityManager, id: string): Promise<boolean> {
    const switched = await manager
      .createQueryBuilder()
      .update(User)
      .set({ mfaMethod: 'totp' })
      .where("id = :id AND mfa_method IS DISTINCT FROM 'totp'", { id })
      .execute();
    return Boolean(switched.affected);
  }
}
