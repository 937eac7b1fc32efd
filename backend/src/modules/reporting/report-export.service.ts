import { PassThrough, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type * as Exceljs from 'exceljs';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealReportReader, ReportAppealSet, reportAppeals } from '../appeals/appeal-report.repository';
import { appealsCsv } from './appeals-csv';
import { CatalogService } from '../catalog/catalog.service';
import { DepartmentTree } from '../users/department-tree.repository';
import { StaffDirectory } from '../users/staff-directory.repository';
import { renderReportPdf, ReportNames } from './report-pdf';
import { ReportExportQuery, ReportName, ReportQuery } from './reports.dto';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { flatten, SECTION_KEYS } from './report-flatten';
import { ReportsService } from './reports.service';
import { STATUTORY_COLUMNS, StatutoryReport } from './statutory-report';
import { StatutoryQuery } from './statutory.dto';

let exceljs: typeof Exceljs | undefined;
/** exceljs (~28 MB of RSS), required on the first XLSX export rather than at boot. */
const xlsxStream = (): typeof Exceljs.stream => (exceljs ??= require('exceljs') as typeof Exceljs).stream;

/**
 * CSV exports, streamed: a report flattened to rows (section, key, metric, value), and the
 * appeals behind a report's figure read in keyset chunks, so memory stays flat at a million rows.
 * Each export is audited (a bulk read of appeal data).
 */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly reader: AppealReportReader,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly statutory: StatutoryReport,
    private readonly departments: DepartmentTree,
    private readonly catalog: CatalogService,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  /** The monthly ССТУ form as XLSX (default) or CSV. */
  async statutoryForm(actor: Actor, query: StatutoryQuery): Promise<{ body: Readable; contentType: string; extension: string }> {
    const rows = await this.statutory.rows(actor, query);
    if ((query.format ?? 'xlsx') === 'xlsx') return { body: this.sheet(`ССТУ ${query.month}`, [...STATUTORY_COLUMNS], rows), contentType: XLSX_TYPE, extension: 'xlsx' };
    const csv = stringify([[...STATUTORY_COLUMNS], ...rows]);
    return { body: csv, contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }

  async report(actor: Actor, name: ReportName, query: ReportExportQuery): Promise<{ body: Readable; contentType: string; extension: string }> {
    const { format = 'csv', ...filters } = query;
    const report = await this.run(actor, name, filters);
    await this.tx.run((manager) => this.audit.record(manager, actor, { action: 'report.export', entityType: 'report', entityId: name, details: { ...query } }));
    if (format === 'xlsx') return { body: this.workbook(name, flatten(report)), contentType: XLSX_TYPE, extension: 'xlsx' };
    if (format === 'pdf') {
      const pdf = await renderReportPdf(name, report, { names: await this.names(report), filters: { ...filters }, generatedAt: this.clock.now() });
      return { body: Readable.from([pdf]), contentType: 'application/pdf', extension: 'pdf' };
    }
    const csv = stringify({ header: true, columns: ['section', 'key', 'metric', 'value'] });
    // Written lazily: the stringifier pulls row by row.
    void (async () => {
      for (const row of flatten(report)) if (!csv.write(row)) await new Promise((r) => csv.once('drain', r));
      csv.end();
    })();
    return { body: csv, contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }

  /** The same rows as the CSV in one sheet, written by exceljs's streaming writer (numbers as numbers). */
  private workbook(name: ReportName, rows: Iterable<[string, string, string, string]>): Readable {
    return this.sheet(name, ['section', 'key', 'metric', 'value'], rows);
  }

  private sheet(name: string, headers: string[], rows: Iterable<readonly (string | number)[]>): Readable {
    const out = new PassThrough();
    const book = new (xlsxStream().xlsx.WorkbookWriter)({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = book.addWorksheet(name);
    sheet.columns = headers.map((header) => ({ header, key: header, width: Math.max(14, header.length + 2) }));
    void (async () => {
      try {
        for (const row of rows) {
          const values = row.map((value) => (typeof value === 'string' && value !== '' && Number.isFinite(Number(value)) ? Number(value) : value));
          sheet.addRow(values).commit();
        }
        sheet.commit();
        await book.commit();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return out;
  }

  async appeals(actor: Actor, set: ReportAppealSet, query: ReportQuery): Promise<Readable> {
    const r = await this.reports.resolve(actor, query);
    await this.tx.run((manager) =>
      this.audit.record(manager, actor, { action: 'report.export_appeals', entityType: 'report', entityId: set, details: { ...query } }),
    );
    // A byte stream pulled by the response (16 KiB mark): the generator resumes only when the
    // client has taken what was pushed, so a stalled client stalls the queries; an aborted one
    // destroys the stream, which ends the generator and its keyset walk.
    return Readable.from(appealsCsv(reportAppeals(this.reader, r.filter, set, r.current)), { objectMode: false });
  }

  /** Department, category and staff names for the ids a printed report shows. */
  private async names(report: object): Promise<ReportNames> {
    const staffIds = new Set<string>();
    for (const [section, key] of flatten(report)) if (SECTION_KEYS[section] === 'staff' && key !== 'null' && key !== '') staffIds.add(key);
    const [departments, categories, staff] = await Promise.all([this.departments.list(), this.catalog.tree(), this.staff.namesOf([...staffIds])]);
    const departmentNames = new Map(departments.map((d) => [d.id, d.nameRu]));
    const categoryNames = new Map(categories.flatMap((c) => [c, ...c.children]).map((c) => [c.id, c.nameRu]));
    return {
      department: (id) => (id === null ? 'Без подразделения' : (departmentNames.get(id) ?? id)),
      category: (id) => (id === null ? 'Без категории' : (categoryNames.get(id) ?? id)),
      staff: (id) => (id === null ? 'Не назначено' : (staff.get(id) ?? id)),
    };
  }

  private run(actor: Actor, name: ReportName, query: ReportQuery): Promise<object> {
    switch (name) {
      case ReportName.Volume:
        return this.reports.volume(actor, query);
      case ReportName.Sla:
        return this.reports.sla(actor, query);
      case ReportName.Backlog:
        return this.reports.backlog(actor, query);
      case ReportName.Quality:
        return this.reports.quality(actor, query);
      case ReportName.Gratitude:
        return this.reports.gratitude(actor, query);
      case ReportName.Operators:
        return this.reports.operators(actor, query);
    }
  }
}
