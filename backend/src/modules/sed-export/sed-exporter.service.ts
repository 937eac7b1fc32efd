import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AnyActor } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealSedLedger, SedAppealRecord } from '../appeals/appeal-sed.repository';
import { AttachmentsService } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { CategoryCodes } from '../catalog/category-codes.service';
import { DepartmentTree } from '../users/department-tree.repository';
import { AppealAnswersService } from '../workflow/answers/appeal-answers.service';
import { SedExportTarget, sedExportTarget } from './sed-export-target';
import { SedExportRunDto, SedPackageDto, SedPackageListDto, SedReceiptsRunDto } from './sed-export.dto';
import { SedExportStore } from './sed-export.repository';
import { manifest, PACKAGE_XML_NAME, packageXml, safeSegment, SedAppealEntry, SedCategoryRef, SedFileEntry, sha256Hex } from './sed-package';
import { SedReceiptsService } from './sed-receipts.service';

/**
 * The document-management (СЭД) export (issue 19). A run applies the receipts waiting on the
 * target, removes what an interrupted run left, and writes one package of the appeals registered
 * or answered since the newest package's window (its watermark): package.xml
 * (otklik-sed-export-1.xsd), files/ (the attachments, decrypted and verified by the attachments
 * module), answers/ (the signed PDF, the signed JSON and its detached JWS) and manifest.sha256.
 * The package's row — the new watermark — and its audit row (a personal-data export) commit only
 * after the last file is in place, so nothing is exported twice or skipped.
 */
@Injectable()
export class SedExporter {
  private readonly logger = new Logger(SedExporter.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: SedExportStore,
    private readonly ledger: AppealSedLedger,
    private readonly attachments: AttachmentsService,
    private readonly answers: AppealAnswersService,
    private readonly codes: CategoryCodes,
    private readonly departments: DepartmentTree,
    private readonly receipts: SedReceiptsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  get configured(): boolean {
    return this.config.sedExport.target !== 'off';
  }

  async list(limit = 100): Promise<SedPackageListDto> {
    return { items: (await this.store.list(limit)).map(SedPackageDto.of) };
  }

  /** Receipts, then one package: what the scheduled run, `sed:export` and the admin route do. */
  async run(actor: AnyActor): Promise<SedExportRunDto> {
    const target = this.target();
    return this.locked(async () => {
      const receipts = await this.receipts.apply(target, actor);
      const removedPartials = await target.sweep((ids) => this.store.known(ids));
      if (removedPartials.length) this.logger.warn(`removed what an interrupted СЭД export left: ${removedPartials.join(', ')}`);
      const { pkg, skippedFiles } = await this.exportPackage(target, actor);
      return { package: pkg, receipts, removedPartials, skippedFiles };
    });
  }

  /** Only the receipts (`sed:receipts`). */
  async applyReceipts(actor: AnyActor): Promise<SedReceiptsRunDto> {
    const target = this.target();
    return this.locked(async () => ({ receipts: await this.receipts.apply(target, actor) }));
  }

  private target(): SedExportTarget {
    const target = sedExportTarget(this.config.sedExport);
    if (!target) throw new DomainError(409, 'sed_export_not_configured');
    return target;
  }

  /** One run at a time across every process on the database (API timers, CLI, admin route). */
  private locked<T>(work: () => Promise<T>): Promise<T> {
    return this.store.exclusively(work);
  }

  /**
   * Now, or just before the oldest transaction still open elsewhere, whichever is earlier: what such
   * a transaction registers or answers goes in the next package instead of being skipped. (Times are
   * the application clock's, which tests may move: the open transaction's start is moved alike.)
   */
  private async windowEnd(): Promise<Date> {
    const now = this.clock.now();
    const open = await this.store.oldestOpenTransaction();
    if (!open) return now;
    const shifted = new Date(open.getTime() + (now.getTime() - Date.now()) - 1);
    return shifted < now ? shifted : now;
  }

  private async exportPackage(target: SedExportTarget, actor: AnyActor): Promise<{ pkg: SedPackageDto | null; skippedFiles: string[] }> {
    const last = await this.store.latest();
    const windowFrom = last?.windowTo ?? null;
    const windowTo = await this.windowEnd();
    const records = windowFrom && windowTo <= windowFrom ? [] : await this.ledger.changedIn(windowFrom, windowTo, Number.MAX_SAFE_INTEGER);
    if (records.length === 0) {
      await this.tx.run((manager) => this.audit.record(manager, actor, { action: 'appeal.export', entityType: 'sed_export_package', entityId: null, details: { format: 'sed', rows: 0 } }));
      return { pkg: null, skippedFiles: [] };
    }
    const id = randomUUID();
    const createdAt = this.clock.now();
    const files = new Map<string, Buffer>();
    const skippedFiles: string[] = [];
    const categories = new Map((await this.codes.list()).map((c) => [c.id, c]));
    const categoryRef = (cid: string | null): SedCategoryRef | null => {
      const c = cid ? categories.get(cid) : undefined;
      return c ? { code: c.code, totkCode: c.totkCode, name: c.nameRu } : null;
    };
    const departmentNames = new Map<string, string>();
    const entries: SedAppealEntry[] = [];
    let answerCount = 0;
    for (const record of records) {
      const entry = await this.entry(record, files, skippedFiles, categoryRef, departmentNames);
      if (entry.answer) answerCount++;
      entries.push(entry);
    }
    const xml = packageXml({ id, createdAt, windowFrom, windowTo, body: { name: this.config.organisationName, publicUrl: this.config.publicUrl }, appeals: entries });
    files.set(PACKAGE_XML_NAME, Buffer.from(xml, 'utf8'));
    const manifestText = manifest(files);
    await target.publish(id, files, manifestText);
    const numbers = entries.map((e) => e.number);
    const row = await this.tx.run(async (manager) => {
      const saved = await this.store.insert(manager, {
        id,
        createdAt,
        windowFrom,
        windowTo,
        target: target.kind,
        location: target.locationOf(id),
        appealCount: entries.length,
        answerCount,
        fileCount: files.size,
        appealNumbers: numbers,
        manifestSha256: sha256Hex(manifestText),
        createdBy: actor.userId,
      });
      // A personal-data export (names and addresses go to the СЭД): the bulk-export signal counts it.
      await this.audit.record(manager, actor, {
        action: 'appeal.export',
        entityType: 'sed_export_package',
        entityId: id,
        details: { format: 'sed', rows: entries.length, answers: answerCount, files: files.size, numbers, target: target.kind, personalData: ['name', 'postalAddress', 'email', 'phone'] },
      });
      return saved;
    });
    return { pkg: SedPackageDto.of(row), skippedFiles };
  }

  private async entry(
    record: SedAppealRecord,
    files: Map<string, Buffer>,
    skippedFiles: string[],
    categoryRef: (id: string | null) => SedCategoryRef | null,
    departmentNames: Map<string, string>,
  ): Promise<SedAppealEntry> {
    const n = record.number;
    const opened = await this.attachments.contentsForExport(record.id);
    for (const s of opened.skipped) skippedFiles.push(`${s.id}:${s.scanStatus}`);
    const fileEntries: SedFileEntry[] = opened.files.map(({ attachment, body }, i) => {
      const path = `files/${n}/${String(i + 1).padStart(2, '0')}-${safeSegment(attachment.name)}`;
      files.set(path, body);
      return {
        id: attachment.id,
        origin: attachment.answerId ? 'answer' : attachment.messageId ? 'message' : 'appeal',
        name: attachment.name,
        mediaType: attachment.contentType,
        size: attachment.size,
        sha256: attachment.sha256,
        path,
      };
    });
    let answer: SedAppealEntry['answer'] = null;
    if (record.answeredAt) {
      const signed = await this.answers.signedForExport(record.id, 'ru');
      if (signed) {
        const pdf = `answers/${n}/answer-${n}.pdf`;
        const json = `answers/${n}/answer-${n}.json`;
        const jws = `answers/${n}/answer-${n}.json.jws`;
        files.set(pdf, signed.pdf);
        files.set(json, signed.json);
        files.set(jws, Buffer.from(signed.jsonSignature, 'utf8'));
        answer = {
          id: signed.answer.id,
          answeredAt: signed.answer.answeredAt,
          result: signed.answer.result,
          resultCode: signed.answer.resultCode,
          text: signed.answer.text,
          reason: signed.answer.reason,
          executorName: signed.answer.executorName,
          executorPosition: signed.answer.executorPosition,
          documents: [
            { format: 'pdf', path: pdf, sha256: sha256Hex(signed.pdf) },
            { format: 'json', path: json, sha256: sha256Hex(signed.json), signaturePath: jws },
          ],
        };
      }
    }
    let department: SedAppealEntry['department'] = null;
    if (record.departmentId) {
      let name = departmentNames.get(record.departmentId);
      if (name === undefined) {
        name = (await this.departments.known(record.departmentId))?.nameRu ?? '';
        departmentNames.set(record.departmentId, name);
      }
      department = { id: record.departmentId, name };
    }
    return {
      id: record.id,
      number: n,
      registeredAt: record.registeredAt,
      type: record.type,
      status: record.status,
      dueAt: record.dueAt,
      category: categoryRef(record.categoryId) ?? { code: record.categoryId, totkCode: null, name: '' },
      subcategory: categoryRef(record.subcategoryId),
      department,
      subject: record.subject,
      text: record.text,
      citizen: { identified: !record.unidentified, name: record.citizen.name, address: record.citizen.address, email: record.citizen.email, phone: record.citizen.phone },
      files: fileEntries,
      answer,
    };
  }
}
