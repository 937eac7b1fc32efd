import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RetentionDestruction } from './retention-destruction.entity';
import { RetentionSettings } from './retention-settings.entity';

/** All SQL of retention_settings and the reads of retention_destructions (written by the retention statement itself). */
@Injectable()
export class RetentionRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  settings(manager: EntityManager = this.dataSource.manager, lock = false): Promise<RetentionSettings | null> {
    const q = manager.createQueryBuilder(RetentionSettings, 's').where('s.id');
    return (lock ? q.setLock('pessimistic_write') : q).getOne();
  }

  async saveSettings(manager: EntityManager, value: { years: number; mode: 'anonymise' | 'delete'; updatedBy: string }): Promise<RetentionSettings> {
    await manager.query(
      `INSERT INTO retention_settings (id, years, mode, updated_at, updated_by) VALUES (true, $1, $2, clock_timestamp(), $3)
       ON CONFLICT (id) DO UPDATE SET years = EXCLUDED.years, mode = EXCLUDED.mode, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [value.years, value.mode, value.updatedBy],
    );
    return (await this.settings(manager))!;
  }

  /** Destruction records, newest first, keyset on the id. */
  destructions(limit: number, beforeId?: string): Promise<RetentionDestruction[]> {
    const q = this.dataSource.manager.createQueryBuilder(RetentionDestruction, 'd').orderBy('d.id', 'DESC').limit(limit);
    if (beforeId) q.where('d.id < :beforeId', { beforeId });
    return q.getMany();
  }
}
