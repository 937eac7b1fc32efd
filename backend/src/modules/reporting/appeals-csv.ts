import { stringify } from 'csv-stringify/sync';
import { ReportAppealRow } from '../appeals/appeal-report.repository';

/** Rows per string handed to the stream: ~20 KB of text, well below V8's large-object size (such strings and their buffers would only be freed by a full collection). */
const PIECE_ROWS = 100;

export const APPEAL_HEADERS = ['number', 'type', 'status', 'departmentId', 'categoryId', 'subcategoryId', 'assigneeId', 'registeredAt', 'firstReactionAt', 'answeredAt', 'dueAt', 'closedAt', 'overdue', 'extended', 'rating'];

/**
 * The CSV of the appeals behind a report: one string per PIECE_ROWS rows of each keyset chunk (the
 * header before the first; the header alone when there is none). Pulled by a byte stream
 * (ReportExportService.appeals): the next piece is formatted, and the next chunk read, only when
 * the client has taken the previous one, so the export holds one chunk of rows whatever its size.
 */
export async function* appealsCsv(chunks: AsyncIterable<readonly ReportAppealRow[]>): AsyncGenerator<string> {
  let header = true;
  for await (const rows of chunks) {
    for (let i = 0; i < rows.length; i += PIECE_ROWS) {
      const records = rows.slice(i, i + PIECE_ROWS).map((a) => [
        a.number, a.type, a.status, a.departmentId, a.categoryId, a.subcategoryId, a.assigneeId,
        iso(a.registeredAt), iso(a.firstReactionAt), iso(a.answeredAt), iso(a.dueAt), iso(a.closedAt), a.overdue, a.extended, a.rating,
      ]);
      yield stringify(records, { header, columns: APPEAL_HEADERS });
      header = false;
    }
  }
  if (header) yield stringify([], { header: true, columns: APPEAL_HEADERS });
}

const iso = (d: Date | null) => (d ? d.toISOString() : '');
