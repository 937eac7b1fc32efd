import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PgListener } from './pg-listener';

/** The channel the settings tables' triggers notify on (migration 1765480000500-SettingsChangeNotify). */
export const SETTINGS_CHANNEL = 'otklik_settings_changed';

/** How long a process trusts its copy of a setting while it cannot hear the announcements (a bound, not the usual lifetime). */
export const SETTINGS_CACHE_MS = 30_000;

const LISTEN = Symbol('SETTINGS_LISTEN');

/** The tables whose rows processes keep in memory, announced at commit by a statement trigger. */
export type SettingsTable = 'categories' | 'departments' | 'routing_rules' | 'sla_policies' | 'production_calendar_years' | 'widget_origins' | 'widget_body_origins';

/**
 * Admin-managed settings read on hot paths (categories, departments, routing rules, SLA policies,
 * the production calendar, the allowed widget origins) are kept in memory by each process. A statement trigger on each of
 * those tables sends NOTIFY otklik_settings_changed with the table's name at the changing
 * transaction's commit, whoever made the change (the admin API of any instance, the CLI, an
 * operator's SQL), and every process drops its copies at once. While the listener is not
 * connected notifications are lost, so a reconnect drops every copy, and each cache keeps its
 * time-to-live as the bound on staleness for that blind time.
 */
@Injectable()
export class SettingsChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SettingsChanges.name);
  private readonly watchers: { tables: ReadonlySet<string>; drop: () => void }[] = [];
  private listener?: PgListener;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LISTEN) private readonly listen: boolean,
  ) {}

  /** Drops a cache whenever one of the tables changes (and after a reconnect). */
  watch(tables: readonly SettingsTable[], drop: () => void): void {
    this.watchers.push({ tables: new Set(tables), drop });
  }

  /** Drops every copy, as a reconnect of the listener does. */
  dropAll(): void {
    this.watchers.forEach((w) => w.drop());
  }

  onApplicationBootstrap(): void {
    if (!this.listen || this.watchers.length === 0) return;
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    const dropAll = () => this.dropAll();
    this.listener = new PgListener(
      url,
      SETTINGS_CHANNEL,
      { notify: (table) => this.watchers.filter((w) => w.tables.has(table)).forEach((w) => w.drop()), up: dropAll },
      this.logger,
      'otklik-settings',
    );
    this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }
}

/**
 * Gives every module SettingsChanges (infrastructure, like the TransactionRunner). `listen`: the
 * API and the worker listen; a CLI command is short-lived and does without (its caches' TTL).
 */
@Global()
@Module({})
export class SettingsChangesModule {
  static forRoot(options: { listen: boolean }): DynamicModule {
    return { module: SettingsChangesModule, providers: [{ provide: LISTEN, useValue: options.listen }, SettingsChanges], exports: [SettingsChanges] };
  }
}
