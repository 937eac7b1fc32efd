import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way a service opens a transaction. Services never hold the connection (the lint rule
 * otklik/module-boundaries keeps `DataSource` to repositories and infrastructure): they ask for a
 * unit of work here and hand its `EntityManager` to their module's repositories, so one change is
 * one transaction however many repositories it touches.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one READ COMMITTED transaction: committed when it resolves, rolled back when it throws. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The manager for reads (and single statements) that need no transaction of their own. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

/** Gives every module the TransactionRunner (infrastructure, like the configuration). */
@Global()
@Module({ providers: [TransactionRunner], exports: [TransactionRunner] })
export class TransactionsModule {}
