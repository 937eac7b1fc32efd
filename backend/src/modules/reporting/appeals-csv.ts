import { ReportAppealRow } from '../appeals/appeal-report.repository';

/** Rows per string handed to the stream: ~20 KB of text, well below V8's large-object size (such strings and their buffers would only be freed by a full collection). */
const PIECE_ROWS = 100;

export const APPEAL_HEADERS = ['number', 'type', 'status', 'departmentId', 'categoryId', 'subcategoryId', 'assigneeId', 'registeredAt', 'firstReactionAt', 'answeredAt', 'dueAt', 'closedAt', 'overdue', 'extended', 'rating'];

const HEADER_LINE = `${APPEAL_HEADERS.join(',')}\n`;

/**
 * The CSV of the appeals behind a report: one string per PIECE_ROWS rows of each keyset chunk (the
 * header before the first; the header alone when there is none). Pulled by a byte stream
 * (ReportExportService.appeals): the next piece is formatted, and the next chunk read, only when
 * the client has taken the previous one, so the export holds one chunk of rows whatever its size.
 *
 * Each piece is one string concatenated field by field, with csv-stringify's rules (RFC 4180
 * quoting, booleans as 1 or empty, null as empty; the spec holds the bytes equal to its output):
 * a million rows through csv-stringify made a record array, a row array and a cast tuple per field,
 * garbage that V8 promoted and let pile up in the old space until a full collection.
 */
export async function* appealsCsv(chunks: AsyncIterable<readonly ReportAppealRow[]>): AsyncGenerator<string> {
  let header = true;
  for await (const rows of chunks) {
    for (let i = 0; i < rows.length; i += PIECE_ROWS) {
      let piece = header ? HEADER_LINE : '';
      header = false;
      const end = Math.min(i + PIECE_ROWS, rows.length);
      for (let r = i; r < end; r++) piece += line(rows[r]);
      yield piece;
    }
  }
  if (header) yield HEADER_LINE;
}

function line(a: ReportAppealRow): string {
  return `${a.number},${text(a.type)},${text(a.status)},${text(a.departmentId)},${text(a.categoryId)},${text(a.subcategoryId)},${text(a.assigneeId)},${iso(a.registeredAt)},${iso(a.firstReactionAt)},${iso(a.answeredAt)},${iso(a.dueAt)},${iso(a.closedAt)},${a.overdue ? '1' : ''},${a.extended ? '1' : ''},${a.rating ?? ''}\n`;
}

const NEEDS_QUOTES = /[",\r\n]/;
/** A text field as csv-stringify writes it: quoted (inner quotes doubled) when it holds a comma, a quote or a line break. */
const text = (s: string | null) => (s === null ? '' : NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const iso = (d: Date | null) => (d ? d.toISOString() : '');
