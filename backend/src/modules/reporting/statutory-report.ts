import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/http/actor';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealReportReader, StatutoryCount } from '../appeals/appeal-report.repository';
import { CategoryCodes } from '../catalog/category-codes.service';
import { ReportPeriodKind } from './report-period';
import { ReportsService } from './reports.service';
import { StatutoryQuery } from './statutory.dto';

/**
 * The ССТУ outcomes of consideration («результат рассмотрения») the monthly form counts, and how
 * the workflow's outcomes map onto them: an answer «done» supports the appeal (for a complaint:
 * measures were taken), «clarification_needed» explains, «refused» does not support; 59-ФЗ ст. 11
 * no-answer grounds and a terminated correspondence leave it without an answer.
 */
export enum SstuOutcome {
  Supported = 'поддержано',
  MeasuresTaken = 'меры приняты',
  Explained = 'разъяснено',
  NotSupported = 'не поддержано',
  LeftWithoutAnswer = 'оставлено без ответа',
}

/** The form's columns, in order (a test checks the set). */
export const STATUTORY_COLUMNS = [
  'Код ТОТК',
  'Тематика',
  'Поступило',
  'Рассмотрено',
  `Результат: ${SstuOutcome.Supported}`,
  `Результат: ${SstuOutcome.MeasuresTaken}`,
  `Результат: ${SstuOutcome.Explained}`,
  `Результат: ${SstuOutcome.NotSupported}`,
  `Результат: ${SstuOutcome.LeftWithoutAnswer}`,
] as const;

export type StatutoryRow = [string, string, number, number, number, number, number, number, number];

/**
 * The monthly statutory report on appeals in the national (ССТУ) form: one row per ТОТК code (the
 * subcategory's code, else its category's; appeals of categories without a code under «не указан»),
 * and a total. Scope and filters as every report.
 */
@Injectable()
export class StatutoryReport {
  constructor(
    private readonly reports: ReportsService,
    private readonly reader: AppealReportReader,
    private readonly codes: CategoryCodes,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async rows(actor: Actor, query: StatutoryQuery): Promise<StatutoryRow[]> {
    const { month, format: _format, ...filters } = query;
    const r = await this.reports.resolve(actor, { ...filters, period: ReportPeriodKind.Month, at: `${month}-01` });
    const [counts, categories] = await Promise.all([this.reader.statutoryCounts(r.filter, r.current), this.codes.list()]);
    await this.tx.run((manager) => this.audit.record(manager, actor, { action: 'report.export', entityType: 'report', entityId: 'statutory', details: { ...query } }));
    const byId = new Map(categories.map((c) => [c.id, c]));
    const topicOf = (c: StatutoryCount) => {
      const sub = c.subcategoryId ? byId.get(c.subcategoryId) : undefined;
      const cat = byId.get(c.categoryId);
      const coded = sub?.totkCode ? sub : cat?.totkCode ? cat : undefined;
      return coded ? { code: coded.totkCode!, name: coded.nameRu } : { code: '', name: 'Код ТОТК не указан' };
    };
    const rows = new Map<string, StatutoryRow>();
    for (const c of counts) {
      const { code, name } = topicOf(c);
      const row = rows.get(code) ?? [code, name, 0, 0, 0, 0, 0, 0, 0];
      const considered = c.supported + c.measuresTaken + c.explained + c.notSupported + c.leftWithoutAnswer;
      const add = [c.received, considered, c.supported, c.measuresTaken, c.explained, c.notSupported, c.leftWithoutAnswer];
      add.forEach((n, i) => ((row[i + 2] as number) += n));
      rows.set(code, row);
    }
    const sorted = [...rows.values()].sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : a[0].localeCompare(b[0])));
    const total: StatutoryRow = ['', 'Итого', 0, 0, 0, 0, 0, 0, 0];
    for (const row of sorted) for (let i = 2; i < row.length; i++) (total[i] as number) += row[i] as number;
    return [...sorted, total];
  }
}
