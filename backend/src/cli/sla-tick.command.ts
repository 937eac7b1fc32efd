import { Command, CommandRunner } from 'nest-commander';
import { SlaScheduler } from '../modules/workflow/sla/sla-scheduler';

/**
 * Runs one scheduler tick now, as a scheduler process would: it claims the current slot (so it
 * never doubles a tick a running cluster already took) and prints what it did as JSON, with the
 * time it took. Used by `BENCH_ONLY=overdue npm run bench`, and by operators after an outage.
 */
@Command({ name: 'sla:tick', description: 'Run one SLA scheduler tick now (overdue, reminders, first reaction, auto-close; retention once a day) and print a JSON report' })
export class SlaTickCommand extends CommandRunner {
  constructor(private readonly scheduler: SlaScheduler) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.scheduler.runDue();
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
}
