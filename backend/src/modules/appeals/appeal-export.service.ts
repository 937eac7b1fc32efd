import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { APPEAL_STATUS_LABELS, APPEAL_TYPE_LABELS } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { Locale } from '../../common/i18n/messages';
import { renderPdf } from '../../common/pdf/pdfmake';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { AppealQueryService } from './appeal-query.service';
import { Appeal } from './appeal.entity';
import { AppealListQuery } from './dto/appeal-query.dto';

const EXPORT_CAP = 10000;

const HEADERS: Record<Locale, string[]> = {
  ru: ['Номер', 'Дата регистрации', 'Тип', 'Тема', 'Статус', 'Срок ответа', 'Создано'],
  en: ['Number', 'Registered', 'Type', 'Subject', 'Status', 'Due', 'Created'],
};

const moscow = (d: Date | null) =>
  d ? d.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '';

/** The citizen's history as CSV (UTF-8 with BOM, for Excel) or PDF (Cyrillic via the bundled font). */
@Injectable()
export class AppealExportService {
  constructor(
    private readonly query: AppealQueryService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, query: AppealListQuery, format: 'csv' | 'pdf', locale: Locale): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const appeals = await this.query.exportOwn(actor, query, EXPORT_CAP);
    // Every export is audited (the bulk-export signal counts them and their rows).
    await this.tx.run((manager) =>
      this.audit.record(manager, actor, { action: 'appeal.export', entityType: 'user', entityId: actor.userId, subjectId: actor.userId, details: { format, rows: appeals.length } }),
    );
    const rows = appeals.map((a) => this.row(a, locale));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'csv') {
      const csv = stringify([HEADERS[locale], ...rows]);
      return { body: Buffer.concat([Buffer.from('\ufeff'), Buffer.from(csv)]), contentType: 'text/csv; charset=utf-8', filename: `appeals-${stamp}.csv` };
    }
    const doc = {
      info: { title: locale === 'ru' ? 'История обращений' : 'Appeal history', producer: 'Otklik' },
      pageOrientation: 'landscape',
      defaultStyle: { font: 'Roboto', fontSize: 9 },
      content: [
        { text: locale === 'ru' ? 'История обращений' : 'Appeal history', fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
        { text: `${actor.name} · ${moscow(new Date())}`, color: '#555', margin: [0, 0, 0, 12] },
        {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', 'auto', '*', 'auto', 'auto', 'auto'],
            body: [HEADERS[locale].map((h) => ({ text: h, bold: true })), ...rows],
          },
          layout: 'lightHorizontalLines',
        },
        ...(rows.length === 0 ? [{ text: locale === 'ru' ? 'Обращений нет' : 'No appeals', margin: [0, 12, 0, 0] }] : []),
      ],
    };
    const body = await renderPdf(doc);
    return { body, contentType: 'application/pdf', filename: `appeals-${stamp}.pdf` };
  }

  private row(a: Appeal, locale: Locale): string[] {
    return [
      a.number === null ? '' : String(a.number),
      moscow(a.registeredAt),
      APPEAL_TYPE_LABELS[a.type][locale],
      a.subject,
      APPEAL_STATUS_LABELS[a.status][locale],
      moscow(a.dueAt),
      moscow(a.createdAt),
    ];
  }
}
