import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/problem/domain-error';
import { runPrepared } from '../../common/sql/prepared';
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

/**
 * The `users` table, owned by the users module: sign-in, registration, ESIA and the second
 * factor (auth) read and write accounts only through here.
 */
@Injectable()
export class UserAccounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
   * naming one), read alone rather than the whole row of some 25 columns parsed on every filing. A missing
   * account is a 404, as in get().
   */
  async answerChannelOf(id: string): Promise<User['preferredAnswerChannel']> {
    const rows = await runPrepared<{ channel: User['preferredAnswerChannel'] }>(this.dataSource.manager, 'SELECT preferred_answer_channel AS channel FROM users WHERE id = $1', [id]);
    if (!rows[0]) throw new NotFoundError('user');
    return rows[0].channel;
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

  async update(manager: EntityManager, id: string, fields: AccountFields): Promise<void> {
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
