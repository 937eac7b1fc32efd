import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnswerSigningKey } from './answer-signing-key.entity';

/** A key row as it is inserted. */
export type NewSigningKey = Pick<AnswerSigningKey, 'kid' | 'publicKey' | 'fingerprint' | 'privateKeyEncrypted' | 'source' | 'activatedAt' | 'retiredAt'>;

/** All SQL of the answer_signing_keys table. */
@Injectable()
export class AnswerSigningKeyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every key, the active one first, then the newest. */
  all(manager: EntityManager = this.dataSource.manager): Promise<AnswerSigningKey[]> {
    return manager
      .createQueryBuilder(AnswerSigningKey, 'k')
      .orderBy('(k.activated_at IS NOT NULL AND k.retired_at IS NULL)', 'DESC')
      .addOrderBy('k.created_at', 'DESC')
      .addOrderBy('k.kid', 'ASC')
      .getMany();
  }

  /** Serialises imports and rotations of the key set until the transaction ends (every instance agrees on one active key). */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('answer_signing_keys'))`);
  }

  async count(manager: EntityManager): Promise<number> {
    return manager.count(AnswerSigningKey);
  }

  async insert(manager: EntityManager, keys: NewSigningKey[]): Promise<void> {
    if (keys.length > 0) await manager.insert(AnswerSigningKey, keys);
  }

  async active(manager: EntityManager): Promise<AnswerSigningKey | null> {
    return manager.createQueryBuilder(AnswerSigningKey, 'k').where('k.activated_at IS NOT NULL AND k.retired_at IS NULL').getOne();
  }

  async retire(manager: EntityManager, kid: string, at: Date): Promise<void> {
    await manager.update(AnswerSigningKey, { kid }, { retiredAt: at });
  }

  async exists(manager: EntityManager, kid: string): Promise<boolean> {
    return manager.exists(AnswerSigningKey, { where: { kid } });
  }
}
