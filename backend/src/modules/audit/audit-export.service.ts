import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Actor } from '../../common/http/actor';
import { Locale } from '../../common/i18n/messages';
import { renderPdf } from '../../common/pdf/pdfmake';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditEntry } from './audit-entry.entity';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';
import { AuditExportQuery } from './audit.dto';

/** At most this many rows per export (the newest that match); narrow the filters for more. */
export const AUDIT_EXPORT_CAP = 5000;

const HEADERS: Record<Locale, string[]> = {
  ru: ['№', 'Время (UTC)', 'Роль', 'Кто', 'Должность', 'IP', 'Действие', 'Объект', 'Идентификатор', 'Изменения (было → стало)', 'Подробности'],
  en: ['#', 'Time (UTC)', 'Role', 'Actor', 'Position', 'IP', 'Action', 'Entity', 'Id', 'Changes (before → after)', 'Details'],
};

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** `field: before → after; …` of a row's `changes`. */
export function changesText(changes: Record<string, unknown> | null): string {
  if (!changes) return '';
  return Object.entries(changes)
    .map(([field, change]) => {
      const c = change as { from?: unknown; to?: unknown };
      return `${field}: ${show(c.from)} → ${show(c.to)}`;
    })
    .join('; ');
}

/** A spreadsheet would run a cell that starts with = + - @ (or a tab/CR) as a formula: such text gets a leading apostrophe. */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The filtered audit trail as CSV (UTF-8 with BOM, for Excel) or PDF (pdfmake with the bundled
 * Cyrillic font, as the appeal exports). Each export is itself audited (`audit.export`, with the
 * filters and the row count).
 */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly query: AuditQueryService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, query: AuditExportQuery, locale: Locale): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const format = query.format ?? 'csv';
    const entries = await this.query.filtered({ ...query, limit: undefined }, AUDIT_EXPORT_CAP);
    const filters = Object.fromEntries(Object.entries({ ...query, format: undefined, limit: undefined, cursor: undefined }).filter(([, v]) => v !== undefined));
    await this.tx.run((m) => this.audit.record(m, actor, { action: 'audit.export', entityType: 'audit_log', entityId: null, details: { format, rows: entries.length, filters } }));
    const rows = entries.map((e) => this.row(e));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'csv') {
      const csv = stringify([HEADERS[locale], ...rows.map((r) => r.map(csvSafe))]);
      return { body: Buffer.concat([Buffer.from('\ufeff'), Buffer.from(csv)]), contentType: 'text/csv; charset=utf-8', filename: `audit-${stamp}.csv` };
    }
    const title = locale === 'ru' ? 'Журнал аудита' : 'Audit log';
    const filterLine = Object.entries(filters)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
    const doc = {
      info: { title, producer: 'Otklik' },
      pageOrientation: 'landscape',
      pageSize: 'A4',
      defaultStyle: { font: 'Roboto', fontSize: 7 },
      content: [
        { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
        { text: `${actor.name} · ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC${filterLine ? ` · ${filterLine}` : ''}`, color: '#555', margin: [0, 0, 0, 4] },
        ...(entries.length === AUDIT_EXPORT_CAP
          ? [{ text: locale === 'ru' ? `Показаны последние ${AUDIT_EXPORT_CAP} записей; уточните фильтры` : `The newest ${AUDIT_EXPORT_CAP} rows; narrow the filters for more`, color: '#a00', margin: [0, 0, 0, 4] }]
          : []),
        {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', 'auto', 60, 50, 'auto', 70, 'auto', 60, '*', 90],
            body: [HEADERS[locale].map((h) => ({ text: h, bold: true })), ...rows],
          },
          layout: 'lightHorizontalLines',
        },
        ...(rows.length === 0 ? [{ text: locale === 'ru' ? 'Записей нет' : 'No entries', margin: [0, 12, 0, 0] }] : []),
      ],
    };
    return { body: await renderPdf(doc), contentType: 'application/pdf', filename: `audit-${stamp}.pdf` };
  }

  private row(e: AuditEntry): string[] {
    return [
      String(e.id),
      e.occurredAt.toISOString().replace('T', ' ').slice(0, 19),
      e.actorRole ?? '',
      e.actorName ?? '',
      e.actorPosition ?? '',
      e.ip ?? '',
      e.action,
      e.entityType,
      e.entityId ?? '',
      changesText(e.changes),
      Object.keys(e.details ?? {}).length ? JSON.stringify(e.details) : '',
    ];
  }
}
