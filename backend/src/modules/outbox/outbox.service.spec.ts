import type { EntityManager, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OutboxService } from './outbox.service';

/** A transaction as TypeORM's query runner shows it to subscribers: depth > 0 while a savepoint is released. */
function transaction() {
  const runner: { isTransactionActive: boolean } = { isTransactionActive: true };
  return {
    manager: { queryRunner: runner } as unknown as EntityManager,
    commit: (sut: OutboxService, outer = true) => {
      runner.isTransactionActive = !outer;
      sut.afterTransactionCommit({ queryRunner: runner } as unknown as TransactionCommitEvent);
    },
    rollback: (sut: OutboxService) => {
      runner.isTransactionActive = false;
      sut.afterTransactionRollback({ queryRunner: runner } as unknown as TransactionRollbackEvent);
    },
  };
}

describe('OutboxService: waking the relay of this process after the commit', () => {
  let sut: OutboxService;
  let wakes: number;
  beforeEach(() => {
    sut = new OutboxService();
    wakes = 0;
    sut.onCommitted(() => wakes++);
  });

  it('wakes once when the transaction that wrote events commits, not before', () => {
    const tx = transaction();
    sut.written(tx.manager);
    sut.written(tx.manager);
    expect(wakes).toBe(0);
    tx.commit(sut);
    expect(wakes).toBe(1);
    tx.commit(sut);
    expect(wakes).toBe(1);
  });

  it('a released savepoint is not the commit: the events are visible only when the outer transaction commits', () => {
    const tx = transaction();
    sut.written(tx.manager);
    tx.commit(sut, false);
    expect(wakes).toBe(0);
    tx.commit(sut);
    expect(wakes).toBe(1);
  });

  it('a rolled-back transaction wakes nobody; commits of transactions that wrote no event neither', () => {
    const rolledBack = transaction();
    sut.written(rolledBack.manager);
    rolledBack.rollback(sut);
    transaction().commit(sut);
    expect(wakes).toBe(0);
  });

  it('events written outside a transaction (autocommit) wake at once', () => {
    sut.written();
    sut.written({ queryRunner: { isTransactionActive: false } } as unknown as EntityManager);
    expect(wakes).toBe(2);
  });
});
