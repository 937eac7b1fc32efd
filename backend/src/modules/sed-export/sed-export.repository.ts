import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { SedExportPackage, SedExportReceipt } from './sed-export-package.entity';

/** The sed-export module's tables: packages written out (the watermark) and receipts applied. */
@Injectable()
export class SedExportStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Runs `work` holding the export's session advisory lock on a connection of its own: one export
   * or receipt run at a time across every process on the database; the others wait their turn.
   */
  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('otklik.sed-export'))`);
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('otklik.sed-export'))`);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * The start of the oldest transaction under way in another session (null: none). A registration
   * or an answer still uncommitted carries a time at or after its transaction's start, so a window
   * that ends before it cannot skip one that commits later.
   */
  async oldestOpenTransaction(): Promise<Date | null> {
    const [row] = await this.manager.query<{ start: Date | null }[]>(
      `SELECT min(xact_start) AS start FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND state <> 'idle'`,
    );
    return row?.start ?? null;
  }

  /** The newest package: its window end is where the next package starts. */
  latest(manager: EntityManager = this.manager): Promise<SedExportPackage | null> {
    return manager.findOne(SedExportPackage, { where: {}, order: { windowTo: 'DESC', createdAt: 'DESC' } });
  }

  /** Which of these package ids have a row (a package on the target without one is a crashed run's). */
  async known(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.manager.find(SedExportPackage, { select: { id: true }, where: { id: In([...ids]) } });
    return new Set(rows.map((r) => r.id));
  }

  find(id: string, manager: EntityManager = this.manager): Promise<SedExportPackage | null> {
    return manager.findOneBy(SedExportPackage, { id });
  }

  list(limit: number): Promise<SedExportPackage[]> {
    return this.manager.find(SedExportPackage, { order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async insert(manager: EntityManager, row: Omit<SedExportPackage, 'status' | 'acknowledgedAt'>): Promise<SedExportPackage> {
    const entity = manager.create(SedExportPackage, { ...row, status: 'exported', acknowledgedAt: null });
    await manager.insert(SedExportPackage, entity);
    return entity;
  }

  /** Records a receipt as applied; false when it was already (a receipt is applied once). */
  async claimReceipt(manager: EntityManager, row: SedExportReceipt): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(SedExportReceipt)
      .values(row)
      .orIgnore()
      .returning(['packageId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  receiptOf(packageId: string): Promise<SedExportReceipt | null> {
    return this.manager.findOneBy(SedExportReceipt, { packageId });
  }

  async acknowledge(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(SedExportPackage, { id }, { status: 'acknowledged', acknowledgedAt: at });
  }
}
