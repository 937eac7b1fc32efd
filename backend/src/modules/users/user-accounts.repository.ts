import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/problem/domain-error';
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

/** An active account's addresses for notices. */
export interface AccountReach {
  id: string;
  role: string;
  email: string;
  /** Set only when the phone in it was confirmed. */
  personalEncrypted: string | null;
}

export interface AccountRead {
  /** The caller's transaction; reads outside one use the pool. */
  manager?: EntityManager;
  /** SELECT … FOR UPDATE (needs `manager`). */
  lock?: boolean;
  secrets?: readonly AccountSecret[];
}

/**
 * The `users` table, owned by the users module: sign-in, registration, ESIA and the second
 * factor (auth) read and write accounts only through here.
 */
@Injectable()
export class UserAccounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOne(where: AccountWhere, read: AccountRead = {}): Promise<Account | null> {
    const query = (read.manager ?? this.dataSource.manager).getRepository(User).createQueryBuilder('u');
    for (const secret of read.secrets ?? []) query.addSelect(`u.${secret}`);
    let first = true;
    for (const [column, value] of Object.entries(where)) {
      if (value === undefined) continue;
      const condition = value === null ? `u.${column} IS NULL` : `u.${column} = :${column}`;
      if (first) query.where(condition, { [column]: value });
      else query.andWhere(condition, { [column]: value });
      first = false;
    }
    if (first) throw new Error('UserAccounts.findOne needs a condition');
    if (read.lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** The account by id; a missing one is a 404 (the caller holds a token naming it, so it was deleted). */
  async get(id: string, read: AccountRead = {}): Promise<Account> {
    const account = await this.findOne({ id }, read);
    if (!account) throw new NotFoundError('user');
    return account;
  }

  /**
   * Where several active accounts can be reached (notifications): the e-mail address, and the
   * encrypted personal data that holds the phone (only when it was confirmed).
   */
  async reachOf(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<AccountReach[]> {
    if (ids.length === 0) return [];
    return manager.query<AccountReach[]>(
      `SELECT id, role, email, CASE WHEN phone_verified THEN personal_encrypted END AS "personalEncrypted"
         FROM users WHERE id = ANY($1::uuid[]) AND active`,
      [[...ids]],
    );
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
