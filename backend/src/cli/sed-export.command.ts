import { Command, CommandRunner } from 'nest-commander';
import { systemActor } from '../common/http/actor';
import { SedExporter } from '../modules/sed-export/sed-exporter.service';

/** One СЭД export now (receipts first), as the scheduled run does; the result as JSON. */
@Command({ name: 'sed:export', description: 'Apply the СЭД receipts waiting, then write one export package of what was registered or answered since the last (JSON report)' })
export class SedExportCommand extends CommandRunner {
  constructor(private readonly exporter: SedExporter) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.exporter.run(systemActor('cli:sed:export'));
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
}

/** Only the receipts: the appeals they accept become «передано в СЭД». */
@Command({ name: 'sed:receipts', description: 'Apply the СЭД receipts (<package-id>.receipt.xml) waiting in the export directory or S3 prefix (JSON report)' })
export class SedReceiptsCommand extends CommandRunner {
  constructor(private readonly exporter: SedExporter) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.exporter.applyReceipts(systemActor('cli:sed:receipts'));
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
}
