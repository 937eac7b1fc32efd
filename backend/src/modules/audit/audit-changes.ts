/**
 * Changed fields of an audited write, `{field: {from, to}}`, with personal data masked: a value
 * under a personal-data key is written as a fingerprint of its shape (first character and length),
 * never in full, so the audit trail does not become a second copy of what 152-ФЗ protects.
 */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** Keys whose values are personal data (compared case-insensitively, by substring). */
const PERSONAL_KEYS = ['phone', 'email', 'snils', 'inn', 'passport', 'address', 'contact', 'birth', 'fullname', 'full_name', 'password', 'secret', 'token'];

export function isPersonalKey(key: string): boolean {
  const k = key.toLowerCase();
  return PERSONAL_KEYS.some((p) => k.includes(p));
}

/** What stays of a personal value: its kind and length, and a first character of a string. */
export function maskValue(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return value.length === 0 ? '' : `${value[0]}***(${value.length})`;
  return '***';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between `before` and `after` (a field absent from `after` is not
 * compared). `before` null: a creation, every field from null; `after` null: a deletion, every
 * field of `before` to null.
 */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChanges {
  const changes: AuditChanges = {};
  if (after === null) {
    for (const [key, from] of Object.entries(before ?? {})) {
      if (from === undefined || from === null) continue;
      changes[key] = isPersonalKey(key) ? { from: maskValue(from), to: null } : { from, to: null };
    }
    return changes;
  }
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before ? (before[key] ?? null) : null;
    if (before && same(from, to)) continue;
    changes[key] = isPersonalKey(key) ? { from: maskValue(from), to: maskValue(to) } : { from, to };
  }
  return changes;
}
