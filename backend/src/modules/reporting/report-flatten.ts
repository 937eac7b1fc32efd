/** The reports flattened to rows (section, key, metric, value): the CSV, XLSX and PDF exports' one shape. */

const KEY_FIELDS = new Set(['key', 'id', 'status', 'ageBucket', 'weekday', 'hour', 'score', 'assigneeId', 'staffId']);

/** What the keys of a keyed section are ids of, by the section's path in the report. */
export type SectionKeyKind = 'department' | 'category' | 'staff';

/**
 * The reports' keyed sections whose keys are ids, named explicitly (a printed report shows names
 * in their place). A section not listed is keyed by something readable (a day, a type, a status).
 */
export const SECTION_KEYS: Readonly<Record<string, SectionKeyKind>> = {
  byDepartment: 'department',
  'overdueNow.byDepartment': 'department',
  byCategory: 'category',
  byOperator: 'staff',
  'overdueNow.byOperator': 'staff',
  byEmployee: 'staff',
  items: 'staff', // the operators report's rows (the quality report's are `rereview.items`, keyed by number)
};

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
  if ('number' in row) return String(row.number);
  if ('score' in row) return String(row.score);
  if ('key' in row) return scalar(row.key);
  if ('assigneeId' in row) return String(row.assigneeId);
  if ('staffId' in row) return String(row.staffId);
  return '';
}

const scalar = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '');
