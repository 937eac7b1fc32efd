import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { RuntimeOptions } from '../../../app.module';
import { AppealsModule } from '../../appeals/appeals.module';
import { CatalogModule } from '../../catalog/catalog.module';
import { UserDirectoryModule } from '../../users/user-directory.module';
import { SlaAdminService } from './sla-admin.service';
import { SlaAdminController } from './sla.controller';
import { SLA_QUEUE, SLA_SCHEDULER_MODE, SlaScheduler, SlaSchedulerMode, SlaTickProcessor } from './sla-scheduler';
import { SchedulerTick } from './scheduler-tick.entity';
import { SlaPolicy } from './sla-policy.entity';
import { SlaTickService } from './sla-tick.service';
import { SlaService } from './sla.service';
import { RetentionAdminController } from '../retention/retention-admin.controller';
import { RetentionRecords } from '../retention/retention-admin.repository';
import { RetentionSettingsService } from '../retention/retention-admin.service';
import { RetentionDestruction } from '../retention/retention-destruction.entity';
import { RetentionSettings } from '../retention/retention-settings.entity';

/**
 * Deadlines (issue 5): SLA policies and the production calendar as data, deadlines at
 * registration and on pause/resume/extension (SlaService, exported), the scheduler (overdue,
 * escalation, reminders, first reaction, auto-close, retention) and its admin routes,
 * the retention rule an admin may change at run time and the destruction records.
 *
 * The scheduler runs where jobs run: with REDIS_URL a BullMQ job scheduler woken on processes
 * that consume queues (workers, and the API unless RUN_WORKER=false); without Redis a timer in the
 * API process; never in the CLI. Whichever wakes, the Postgres claim lets one process per tick work.
 */
@Module({})
export class SlaModule {
  static forRoot(runtime: Pick<RuntimeOptions, 'config' | 'process'> & { runWorker: boolean }): DynamicModule {
    const mode: SlaSchedulerMode =
      runtime.process === 'cli'
        ? 'off'
        : runtime.config.redisUrl
          ? runtime.runWorker
            ? 'bullmq'
            : 'off'
          : runtime.process === 'api'
            ? 'inline'
            : 'off';
    const providers: Provider[] = [
      SlaService,
      SlaAdminService,
      SlaTickService,
      SlaScheduler,
      RetentionRecords,
      RetentionSettingsService,
      { provide: SLA_SCHEDULER_MODE, useValue: mode },
    ];
    // The tick's batches are the appeals module's statements over its own table.
    const imports: Array<DynamicModule | typeof AppealsModule | typeof UserDirectoryModule | typeof CatalogModule> = [TypeOrmModule.forFeature([SlaPolicy, SchedulerTick, RetentionSettings, RetentionDestruction]), AppealsModule, UserDirectoryModule, CatalogModule];
    if (mode === 'bullmq') {
      imports.push(BullModule.registerQueue({ name: SLA_QUEUE }));
      providers.push(SlaTickProcessor);
    }
    return {
      module: SlaModule,
      global: true,
      imports,
      controllers: runtime.process === 'api' ? [SlaAdminController, RetentionAdminController] : [],
      providers,
      exports: [SlaService, SlaTickService, SlaScheduler],
    };
  }
}
