import { PassThrough, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { stream as xlsxStream } from 'exceljs';
import { Actor } from '../../common/http/actor';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealReportReader, ReportAppealSet, reportAppeals } from '../appeals/appeal-report.repository';
import { ReportExportQuery, ReportName, ReportQuery } from './reports.dto';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { ReportsService } from './reports.service';
import { STATUTORY_COLUMNS, StatutoryReport } from './statutory-report';
import { StatutoryQuery } from './statutory.dto';

const APPEAL_HEADERS = ['number', 'type', 'status', 'departmentId', 'categoryId', 'subcategoryId', 'assigneeId', 'registeredAt', 'firstReactionAt', 'answeredAt', 'dueAt', 'closedAt', 'overdue', 'extended', 'rating'];

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
    const book = new xlsxStream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
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
    const chunks = reportAppeals(this.reader, r.filter, set, r.current);
    const csv = stringify({ header: true, columns: APPEAL_HEADERS });
    void (async () => {
      try {
        for await (const rows of chunks) {
          for (const a of rows) {
            const line = [a.number, a.type, a.status, a.departmentId, a.categoryId, a.subcategoryId, a.assigneeId, iso(a.registeredAt), iso(a.firstReactionAt), iso(a.answeredAt), iso(a.dueAt), iso(a.closedAt), a.overdue, a.extended, a.rating];
            if (!csv.write(line)) await new Promise((res) => csv.once('drain', res));
          }
        }
        csv.end();
      } catch (error) {
        csv.destroy(error as Error);
      }
    })();
    return csv;
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

const KEY_FIELDS = new Set(['key', 'id', 'status', 'ageBucket', 'weekday', 'hour', 'score', 'assigneeId']);
const iso = (d: Date | null) => (d ? d.toISOString() : '');

/**
 * A report as rows: scalars under their section path; arrays of rows keyed by their `key` (or
 * day, score, assignee, status × age, weekday × hour) with one row per numeric field.
 */
export function* flatten(value: unknown, section = ''): Generator<[string, string, string, string]> {
  if (value === null || typeof value !== 'object') return;
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const path = section ? `${section}.${name}` : name;
    if (Array.isArray(v)) {
      for (const item of v) {
        if (item === null || typeof item !== 'object') continue;
        const row = item as Record<string, unknown>;
        const key = keyOf(row);
        for (const [metric, x] of Object.entries(row)) if (!KEY_FIELDS.has(metric)) yield [path, key, metric, scalar(x)];
      }
    } else if (v !== null && typeof v === 'object') yield* flatten(v, path);
    else yield [section || 'report', '', name, scalar(v)];
  }
}

function keyOf(row: Record<string, unknown>): string {
  if ('status' in row && 'ageBucket' in row) return `${String(row.status)}|${String(row.ageBucket)}`;
  if ('weekday' in row && 'hour' in row) return `${String(row.weekday)}|${String(row.hour)}`;
  if ('score' in row) return String(row.score);
  if ('key' in row) return scalar(row.key);
  if ('assigneeId' in row) return String(row.assigneeId);
  if ('number' in row) return String(row.number);
  return '';
}

const scalar = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '');
