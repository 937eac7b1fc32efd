import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AnyActor } from '../../common/http/actor';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppealSedLedger } from '../appeals/appeal-sed.repository';
import { AuditService } from '../audit/audit.service';
import { SedExportTarget } from './sed-export-target';
import { SedReceiptOutcome, SedReceiptReportDto } from './sed-export.dto';
import { SedExportStore } from './sed-export.repository';
import { parseReceipt, ReceiptFormatError } from './sed-package';

/**
 * Applies the СЭД's receipts (`<package-id>.receipt.xml`, otklik-sed-receipt-1.xsd): the appeals
 * they accept become «передано в СЭД» (through the appeals module), the package «acknowledged».
 * A receipt is applied once (its row is claimed in the same transaction) and then moved to
 * `processed/`; one for no package of ours, or unreadable, goes to `rejected/`. Numbers that are not
 * appeals of the package are reported, never fatal.
 */
@Injectable()
export class SedReceiptsService {
  private readonly logger = new Logger(SedReceiptsService.name);

  constructor(
    private readonly store: SedExportStore,
    private readonly ledger: AppealSedLedger,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(target: SedExportTarget, actor: AnyActor): Promise<SedReceiptReportDto[]> {
    const reports: SedReceiptReportDto[] = [];
    for (const file of await target.receipts()) {
      const report = await this.applyOne(target, actor, file.name, file.packageId);
      if (report.outcome !== SedReceiptOutcome.Applied) this.logger.warn(`СЭД receipt ${file.name}: ${report.outcome}${report.error ? ` (${report.error})` : ''}`);
      if (report.unknown.length) this.logger.warn(`СЭД receipt ${file.name} names numbers that are not appeals of its package: ${report.unknown.join(', ')}`);
      reports.push(report);
    }
    return reports;
  }

  private async applyOne(target: SedExportTarget, actor: AnyActor, name: string, fileId: string): Promise<SedReceiptReportDto> {
    const base = { file: name, packageId: fileId, marked: [], already: [], unknown: [] };
    const pkg = await this.store.find(fileId);
    if (!pkg) {
      await target.archiveReceipt(name, 'rejected');
      return { ...base, outcome: SedReceiptOutcome.UnknownPackage };
    }
    if (await this.store.receiptOf(pkg.id)) {
      // Applied before, the move to processed/ did not happen (a crash between): finish it.
      await target.archiveReceipt(name, 'processed');
      return { ...base, outcome: SedReceiptOutcome.AlreadyApplied };
    }
    let receipt;
    try {
      receipt = parseReceipt((await target.readReceipt(name)).toString('utf8'));
      if (receipt.packageId !== pkg.id) throw new ReceiptFormatError(`packageId ${receipt.packageId} is not the file's ${pkg.id}`);
    } catch (error) {
      if (!(error instanceof ReceiptFormatError)) throw error;
      await target.archiveReceipt(name, 'rejected');
      return { ...base, outcome: SedReceiptOutcome.Invalid, error: error.message };
    }
    const inPackage = new Set(pkg.appealNumbers);
    const accepted = receipt.accepted.filter((a) => inPackage.has(a.number));
    const foreign = [...new Set(receipt.accepted.filter((a) => !inPackage.has(a.number)).map((a) => a.number))];
    const now = this.clock.now();
    const result = await this.tx.run(async (manager) => {
      const claimed = await this.store.claimReceipt(manager, { packageId: pkg.id, processedAt: now, acceptedCount: accepted.length, unknownNumbers: foreign });
      if (!claimed) return null;
      const marked = await this.ledger.markTransferred(manager, accepted, now);
      await this.store.acknowledge(manager, pkg.id, now);
      await this.audit.record(manager, actor, {
        action: 'sed_export.receipt',
        entityType: 'sed_export_package',
        entityId: pkg.id,
        details: { file: name, marked: marked.marked.map((m) => m.number), already: marked.already, unknown: [...foreign, ...marked.unknown], target: this.config.sedExport.target },
      });
      return marked;
    });
    await target.archiveReceipt(name, 'processed');
    if (!result) return { ...base, outcome: SedReceiptOutcome.AlreadyApplied };
    return { ...base, outcome: SedReceiptOutcome.Applied, marked: result.marked.map((m) => m.number), already: result.already, unknown: [...foreign, ...result.unknown] };
  }
}
