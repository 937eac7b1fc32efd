/**
 * The canonical content of an audit row: what its hash commits to. Defined once, here; the
 * sealer, the verifier and redaction all use the SQL built from this list, so a column added to
 * audit_log is hashed by adding one line below.
 *
 * The preimage is text, one element per field, joined with "\n" after a version line:
 *   clear field     `name=<length>:<value>`   (the length makes any value unambiguous)
 *   personal field  `name#<hex digest>`       digest = SHA-256(salt ‖ ":" ‖ value)
 * A NULL field (a personal one not redacted) contributes nothing, so a nullable column added
 * later leaves the hashes of older rows (where it is NULL) as they were. `details` is committed
 * as the JSON object without its personal keys, each of which is a personal field of its own
 * (`details.<key>`). A redacted personal field is committed by the digest stored in `redacted`,
 * so masking the value keeps the row hash; the per-row salt (dropped once every personal value
 * of the row is masked) keeps a digest of a low-entropy value (an IP, a phone) from being
 * brute-forced back.
 *
 * Values are rendered by PostgreSQL (jsonb's text form is deterministic for a given value; an
 * instant is its epoch in microseconds), so the same bytes come out on every server version.
 */
export interface CanonicalField {
  /** audit_log column. */
  column: string;
  /** How the value is rendered as text: `instant` as epoch microseconds; `json` without personal keys. */
  kind: 'text' | 'instant' | 'json';
  /** Committed by a salted digest, so it can be masked later (audit_redact). */
  personal?: boolean;
}

export const AUDIT_CANONICAL_VERSION = 'otklik.audit.v1';

export const AUDIT_CANONICAL_FIELDS: readonly CanonicalField[] = [
  { column: 'id', kind: 'text' },
  { column: 'occurred_at', kind: 'instant' },
  { column: 'actor_id', kind: 'text' },
  { column: 'actor_role', kind: 'text' },
  { column: 'ip', kind: 'text', personal: true },
  { column: 'user_agent', kind: 'text', personal: true },
  { column: 'request_id', kind: 'text' },
  { column: 'action', kind: 'text' },
  { column: 'entity_type', kind: 'text' },
  { column: 'entity_id', kind: 'text' },
  { column: 'details', kind: 'json' },
];

/** Keys of `details` that hold personal data: each is committed by its own digest. */
export const AUDIT_PERSONAL_DETAIL_KEYS: readonly string[] = ['ip', 'userAgent', 'email', 'phone', 'fullName', 'address', 'esiaOid'];

/** Every field audit_redact may mask: the personal columns and `details.<key>` for the personal keys. */
export const AUDIT_REDACTABLE_FIELDS: readonly string[] = [
  ...AUDIT_CANONICAL_FIELDS.filter((f) => f.personal).map((f) => f.column),
  ...AUDIT_PERSONAL_DETAIL_KEYS.map((k) => `details.${k}`),
];

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The SQL text value of a personal field (NULL when absent), before digesting. */
function personalValueSql(field: string, alias: string): string {
  if (field.startsWith('details.')) return `(${alias}.details -> ${literal(field.slice(8))})::text`;
  return `${alias}.${field}::text`;
}

/** SQL for the hex digest a personal field is committed by: the stored one once redacted. */
export function personalDigestSql(field: string, alias = 'a'): string {
  const value = personalValueSql(field, alias);
  return (
    `CASE WHEN ${alias}.redacted ? ${literal(field)} THEN ${alias}.redacted ->> ${literal(field)} ` +
    `WHEN ${value} IS NOT NULL THEN encode(sha256(convert_to(${alias}.salt::text || ':' || ${value}, 'UTF8')), 'hex') END`
  );
}

function clearValueSql(f: CanonicalField, alias: string): string {
  const col = `${alias}.${f.column}`;
  switch (f.kind) {
    case 'text':
      return `${col}::text`;
    case 'instant':
      return `((extract(epoch FROM ${col}) * 1000000)::bigint)::text`;
    case 'json':
      return `(${col} - ${literal(`{${AUDIT_PERSONAL_DETAIL_KEYS.join(',')}}`)}::text[])::text`;
  }
}

function clearElementSql(name: string, value: string): string {
  return `(${literal(`${name}=`)} || length(${value}) || ':' || ${value})`;
}

/** The canonical preimage of an audit_log row aliased `alias`, as one SQL text expression. */
export function canonicalTextSql(alias = 'a'): string {
  const parts: string[] = [literal(AUDIT_CANONICAL_VERSION)];
  for (const f of AUDIT_CANONICAL_FIELDS) {
    if (f.personal) parts.push(`(${literal(`${f.column}#`)} || ${personalDigestSql(f.column, alias)})`);
    else parts.push(clearElementSql(f.column, clearValueSql(f, alias)));
    if (f.kind === 'json') {
      for (const key of AUDIT_PERSONAL_DETAIL_KEYS) parts.push(`(${literal(`details.${key}#`)} || ${personalDigestSql(`details.${key}`, alias)})`);
    }
  }
  // concat_ws skips NULL elements: an absent field contributes nothing.
  return `concat_ws(E'\\n', ${parts.join(', ')})`;
}

/** SHA-256 of the canonical preimage (bytea) of the row aliased `alias`. */
export function rowHashSql(alias = 'a'): string {
  return `sha256(convert_to(${canonicalTextSql(alias)}, 'UTF8'))`;
}
