import { Readable, Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { ReportAppealRow } from '../appeals/appeal-report.repository';
import { APPEAL_HEADERS, appealsCsv } from './appeals-csv';

const row = (n: number, over: Partial<ReportAppealRow> = {}): ReportAppealRow => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  number: 100000 + n,
  type: 'complaint',
  status: 'answered',
  departmentId: 'a1b2c3d4-0000-4000-8000-000000000001',
  categoryId: 'a1b2c3d4-0000-4000-8000-000000000002',
  subcategoryId: null,
  assigneeId: n % 2 ? 'a1b2c3d4-0000-4000-8000-000000000003' : null,
  registeredAt: new Date(Date.UTC(2026, 2, 1, 9, n)),
  firstReactionAt: n % 3 ? new Date(Date.UTC(2026, 2, 2, 9, n)) : null,
  answeredAt: new Date(Date.UTC(2026, 2, 5, 12, n)),
  dueAt: new Date(Date.UTC(2026, 2, 31)),
  closedAt: null,
  overdue: n % 4 === 0,
  extended: n % 5 === 0,
  rating: n % 6 ? null : 4,
  ...over,
});

async function* source(chunks: ReportAppealRow[][]) {
  for (const c of chunks) yield c;
}

const text = async (chunks: ReportAppealRow[][]) => {
  let out = '';
  for await (const s of appealsCsv(source(chunks))) out += s;
  return out;
};

/** The export as it was written before (csv-stringify's stream, row by row): the bytes must not change. */
const streamed = async (rows: ReportAppealRow[]) => {
  const iso = (d: Date | null) => (d ? d.toISOString() : '');
  const csv = stringify({ header: true, columns: APPEAL_HEADERS });
  for (const a of rows) {
    csv.write([a.number, a.type, a.status, a.departmentId, a.categoryId, a.subcategoryId, a.assigneeId, iso(a.registeredAt), iso(a.firstReactionAt), iso(a.answeredAt), iso(a.dueAt), iso(a.closedAt), a.overdue, a.extended, a.rating]);
  }
  csv.end();
  let out = '';
  for await (const s of csv) out += String(s);
  return out;
};

describe('appealsCsv (the appeals behind a report, as streamed CSV)', () => {
  it('writes the same bytes as the row-by-row stringifier, the header once across chunks', async () => {
    const rows = Array.from({ length: 13 }, (_, i) => row(i + 1));
    rows[2] = row(3, { type: 'a "quoted", type' });
    rows[7] = row(8, { status: 'two\nlines', assigneeId: 'carriage\rreturn', subcategoryId: '', rating: 0, overdue: true, extended: true });
    const out = await text([rows.slice(0, 5), rows.slice(5, 12), rows.slice(12)]);
    expect(out).toBe(await streamed(rows));
    expect(out.split('\n')[0]).toBe(APPEAL_HEADERS.join(','));
    expect(out.match(/^number,/gm)).toHaveLength(1);
  });

  it('writes the header alone when no appeal is behind the figure', async () => {
    expect(await text([])).toBe(`${APPEAL_HEADERS.join(',')}\n`);
    expect(await text([])).toBe(await streamed([]));
  });

  it('reads the next chunk only when the reader has taken the previous one, and stops reading when the reader goes away', async () => {
    let pulled = 0;
    let ended = false;
    async function* endless() {
      try {
        for (let n = 0; ; n++) {
          pulled++;
          yield Array.from({ length: 2000 }, (_, i) => row(n * 2000 + i));
        }
      } finally {
        ended = true;
      }
    }
    const body = Readable.from(appealsCsv(endless()), { objectMode: false });
    // A client that stops reading: its socket takes one write and then never drains.
    let written = 0;
    body.pipe(new Writable({ highWaterMark: 16 * 1024, write: (chunk: Buffer) => void (written += chunk.length) }));
    await new Promise((r) => setTimeout(r, 100));
    expect(written).toBeGreaterThan(0);
    // The chunk handed over and at most one more read: not the endless rest.
    expect(pulled).toBeLessThanOrEqual(2);
    // The client goes away: the keyset walk ends (its generator is closed) instead of waiting on.
    body.destroy();
    await new Promise((r) => setTimeout(r, 20));
    expect(ended).toBe(true);
    expect(pulled).toBeLessThanOrEqual(2);
  });
});
