import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { systemActor } from '../../common/http/actor';
import { PeriodicMode, PeriodicRun } from '../../common/lifecycle/periodic-run';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { SedExportRunDto } from './sed-export.dto';
import { SedExporter } from './sed-exporter.service';

/** Whether this process runs the scheduled export (the API; never the CLI or a worker). */
export const SED_EXPORT_MODE = Symbol('SED_EXPORT_MODE');

/**
 * Runs the СЭД export every SED_EXPORT_INTERVAL_MINUTES (off by default) on a timer in the API
 * process. Several API processes may fire at once: the exporter's advisory lock makes them take
 * turns, and the second finds nothing new since the first one's package.
 */
@Injectable()
export class SedExportScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly periodic: PeriodicRun<SedExportRunDto>;

  constructor(exporter: SedExporter, @Inject(APP_CONFIG) config: AppConfig, @Inject(SED_EXPORT_MODE) mode: PeriodicMode) {
    const { intervalMinutes, target } = config.sedExport;
    this.periodic = new PeriodicRun({
      name: 'СЭД export',
      mode: intervalMinutes > 0 && target !== 'off' ? mode : 'off',
      everyMs: Math.max(1, intervalMinutes) * 60_000,
      jobName: 'sed-export',
      keep: { complete: 20, fail: 100 },
      run: () => exporter.run(systemActor('Выгрузка в СЭД')),
      logger: new Logger(SedExportScheduler.name),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.periodic.start();
  }

  /** Before the shutdown hooks: a run in flight finishes while the database pool is still whole (see SlaScheduler). */
  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }
}
