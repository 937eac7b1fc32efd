/**
 * The canonical content of an audit row: what its hash commits to. Defined once, here; the
 * sealer, the verifier and redaction all use the SQL built from this list, so a column added to
 * audit_log is hashed by adding one line below.
 *
 * The preimage is text, one element per field, joined with "\n" after a version line:
 *   clear field     `name=<length>:<value>`   (the length makes any value unambiguous), or
 *                   `name=<value>` for values that cannot hold a line break (numbers, instants, JSON)
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
  /**
   * How the value is rendered as text: `text` with its length (it may hold any character);
   * `token` (numbers, uuids), `instant` (epoch microseconds) and `json` (jsonb's text form,
   * without the personal keys) as they are — none can hold a line break, so none can pass for
   * another element.
   */
  kind: 'text' | 'token' | 'instant' | 'json';
  /** Committed by a salted digest, so it can be masked later (audit_redact). */
  personal?: boolean;
}

export const AUDIT_CANONICAL_VERSION = 'otklik.audit.v1';

export const AUDIT_CANONICAL_FIELDS: readonly CanonicalField[] = [
  { column: 'id', kind: 'token' },
  { column: 'occurred_at', kind: 'instant' },
  { column: 'actor_id', kind: 'token' },
  { column: 'actor_role', kind: 'text' },
  { column: 'ip', kind: 'text', personal: true },
  { column: 'user_agent', kind: 'text', personal: true },
  { column: 'request_id', kind: 'text' },
  { column: 'action', kind: 'text' },
  { column: 'entity_type', kind: 'text' },
  { column: 'entity_id', kind: 'text' },
  { column: 'details', kind: 'json' },
  // The actor snapshot, the data subject and the masked changes (migration 1765310000000). The
  // actor's name is the account's, kept as long as the account (not the appeal's data that
  // retention destroys), so it is hashed in the clear.
  { column: 'actor_name', kind: 'text' },
  { column: 'actor_position', kind: 'text' },
  { column: 'actor_department_id', kind: 'token' },
  { column: 'subject_id', kind: 'token' },
  { column: 'changes', kind: 'json' },
];

/** audit_log columns deliberately not hashed: the sealer's cursor, the digests' salt, the masking record. */
export const AUDIT_UNHASHED_COLUMNS: readonly string[] = ['txid', 'salt', 'redacted'];

/** Keys of `details` that hold personal data: each is committed by its own digest. */
export const AUDIT_PERSONAL_DETAIL_KEYS: readonly string[] = ['ip', 'userAgent', 'email', 'phone', 'fullName', 'address', 'esiaOid'];

/** Every field audit_redact may mask: the personal columns and `details.<key>` for the personal keys. */
export const AUDIT_REDACTABLE_FIELDS: readonly string[] = [
  ...AUDIT_CANONICAL_FIELDS.filter((f) => f.personal).map((f) => f.column),
  ...AUDIT_PERSONAL_DETAIL_KEYS.map((k) => `details.${k}`),
];

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const personalKeysSql = `${literal(`{${AUDIT_PERSONAL_DETAIL_KEYS.join(',')}}`)}::text[]`;

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
    case 'token':
      return `${col}::text`;
    case 'instant':
      return `((extract(epoch FROM ${col}) * 1000000)::bigint)::text`;
    case 'json':
      // Most rows hold no personal key: the subtraction (a new jsonb) only where one is present.
      return `(CASE WHEN ${col} ?| ${personalKeysSql} THEN ${col} - ${personalKeysSql} ELSE ${col} END)::text`;
  }
}

function clearElementSql(f: CanonicalField, value: string): string {
  if (f.kind === 'text') return `(${literal(`${f.column}=`)} || length(${value}) || ':' || ${value})`;
  return `(${literal(`${f.column}=`)} || ${value})`;
}

/** The canonical preimage of an audit_log row aliased `alias`, as one SQL text expression. */
export function canonicalTextSql(alias = 'a'): string {
  const parts: string[] = [literal(AUDIT_CANONICAL_VERSION)];
  for (const f of AUDIT_CANONICAL_FIELDS) {
    if (f.personal) parts.push(`(${literal(`${f.column}#`)} || ${personalDigestSql(f.column, alias)})`);
    else parts.push(clearElementSql(f, clearValueSql(f, alias)));
    if (f.kind === 'json') {
      // The personal keys, each its own element; looked up only in rows that have one (or a redaction).
      const keys = AUDIT_PERSONAL_DETAIL_KEYS.map((key) => `(${literal(`details.${key}#`)} || ${personalDigestSql(`details.${key}`, alias)})`);
      parts.push(`CASE WHEN ${alias}.redacted IS NOT NULL OR ${alias}.${f.column} ?| ${personalKeysSql} THEN nullif(concat_ws(E'\\n', ${keys.join(', ')}), '') END`);
    }
  }
  // concat_ws skips NULL elements: an absent field contributes nothing.
  return `concat_ws(E'\\n', ${parts.join(', ')})`;
}

/** SHA-256 of the canonical preimage (bytea) of the row aliased `alias`. */
export function rowHashSql(alias = 'a'): string {
  return `sha256(convert_to(${canonicalTextSql(alias)}, 'UTF8'))`;
}

/**
 * A SELECT that masks every personal field of the audit rows matching `where` (over audit_log
 * aliased `alias`) through audit_redact, each committed by the digest the canonical form gives it
 * now, and drops their salt: for set-based callers (retention), as one CTE of their statement.
 * Reference it (e.g. count it) or PostgreSQL skips it.
 */
export function auditMaskSql(alias: string, where: string): string {
  const fields = AUDIT_REDACTABLE_FIELDS.map((f) => literal(f)).join(', ');
  const digests = AUDIT_REDACTABLE_FIELDS.map((f) => personalDigestSql(f, alias)).join(', ');
  const personal = [
    ...AUDIT_CANONICAL_FIELDS.filter((f) => f.personal).map((f) => `${alias}.${f.column} IS NOT NULL`),
    `${alias}.details ?| ${personalKeysSql}`,
  ].join(' OR ');
  return `SELECT audit_redact(${alias}.id, ARRAY[${fields}]::text[], ARRAY[${digests}]::text[], true) AS n
            FROM audit_log ${alias} WHERE (${where}) AND (${personal})`;
}
