import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_PERSONAL_DETAIL_KEYS, AUDIT_REDACTABLE_FIELDS, personalDigestSql, rowHashSql } from './audit-canonical';

/** Serialises sealers across processes (pg_advisory_xact_lock key). */
const SEAL_LOCK = 7212017;

export interface ChainHead {
  seq: number;
  chainHash: Buffer;
  /** The sealer's cursor: the last sealed row's (txid, id). */
  txid: string;
  rowId: string;
}

export interface SealCandidate {
  txid: string;
  id: string;
  rowHash: Buffer;
}

export interface StoredCheckpoint {
  size: number;
  headHash: Buffer;
  merkleRoot: Buffer;
  frontier: Buffer[];
  createdAt: Date;
  keyId: string;
  signature: string;
}

/** One chain link as stored. */
export interface ChainLinkRow {
  seq: number;
  rowHash: Buffer;
  chainHash: Buffer;
}

export interface AuditRowView {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
}

const num = (v: string | number): number => Number(v);

function checkpointOf(r: any): StoredCheckpoint {
  return {
    size: num(r.size),
    headHash: r.head_hash,
    merkleRoot: r.merkle_root,
    frontier: r.frontier,
    createdAt: r.created_at,
    keyId: r.key_id,
    signature: r.signature,
  };
}

/**
 * All SQL of the audit chain (audit_chain, audit_checkpoints, and the reads of audit_log they
 * need). The row hash is computed by PostgreSQL from the canonical form of audit-canonical.ts, in
 * the sealer and the verifier alike.
 */
@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction holding the cluster-wide sealing lock. */
  sealing<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [SEAL_LOCK]);
      return work(m);
    });
  }

  async head(m: EntityManager = this.dataSource.manager): Promise<ChainHead | null> {
    const [r] = await m.query(`SELECT seq, chain_hash, row_txid, row_id FROM audit_chain ORDER BY seq DESC LIMIT 1`);
    return r ? { seq: num(r.seq), chainHash: r.chain_hash, txid: String(r.row_txid), rowId: String(r.row_id) } : null;
  }

  /**
   * The next rows to seal, after the cursor in (txid, id) order, of transactions that have
   * finished: txid below this statement's snapshot xmin means no transaction that could still
   * add a row before the cursor is running, so nothing is ever passed over.
   */
  async candidates(m: EntityManager, after: { txid: string; rowId: string } | null, limit: number): Promise<SealCandidate[]> {
    const rows = await m.query(
      `SELECT a.txid, a.id, ${rowHashSql('a')} AS row_hash
         FROM audit_log a
        WHERE (a.txid, a.id) > ($1::bigint, $2::bigint) AND a.txid < txid_snapshot_xmin(txid_current_snapshot())
        ORDER BY a.txid, a.id
        LIMIT $3`,
      [after?.txid ?? '-1', after?.rowId ?? '-1', limit],
    );
    return rows.map((r: any) => ({ txid: String(r.txid), id: String(r.id), rowHash: r.row_hash }));
  }

  async appendLinks(m: EntityManager, links: { seq: number; rowId: string; txid: string; rowHash: Buffer; chainHash: Buffer }[]): Promise<void> {
    if (links.length === 0) return;
    await m.query(
      `INSERT INTO audit_chain (seq, row_id, row_txid, row_hash, chain_hash)
       SELECT s, r, t, decode(h, 'hex'), decode(c, 'hex')
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS u(s, r, t, h, c)`,
      [links.map((l) => l.seq), links.map((l) => l.rowId), links.map((l) => l.txid), links.map((l) => l.rowHash.toString('hex')), links.map((l) => l.chainHash.toString('hex'))],
    );
  }

  /** Stored row hashes of seq in (after, upTo], in seq order. */
  async rowHashes(after: number, upTo: number, m: EntityManager = this.dataSource.manager): Promise<Buffer[]> {
    const rows = await m.query(`SELECT row_hash FROM audit_chain WHERE seq > $1 AND seq <= $2 ORDER BY seq`, [after, upTo]);
    return rows.map((r: any) => r.row_hash as Buffer);
  }

  async chainHashAt(seq: number): Promise<Buffer | null> {
    const [r] = await this.dataSource.query(`SELECT chain_hash FROM audit_chain WHERE seq = $1`, [seq]);
    return r?.chain_hash ?? null;
  }

  async latestCheckpoint(m: EntityManager = this.dataSource.manager): Promise<StoredCheckpoint | null> {
    const [r] = await m.query(`SELECT * FROM audit_checkpoints ORDER BY size DESC LIMIT 1`);
    return r ? checkpointOf(r) : null;
  }

  /** The checkpoint with the largest size ≤ `size`. */
  async checkpointAtOrBefore(size: number): Promise<StoredCheckpoint | null> {
    const [r] = await this.dataSource.query(`SELECT * FROM audit_checkpoints WHERE size <= $1 ORDER BY size DESC LIMIT 1`, [size]);
    return r ? checkpointOf(r) : null;
  }

  async checkpoint(size: number): Promise<StoredCheckpoint | null> {
    const [r] = await this.dataSource.query(`SELECT * FROM audit_checkpoints WHERE size = $1`, [size]);
    return r ? checkpointOf(r) : null;
  }

  /** Checkpoints newest first, `size < before` when given. */
  async checkpoints(limit: number, before?: number): Promise<StoredCheckpoint[]> {
    const rows = await this.dataSource.query(`SELECT * FROM audit_checkpoints WHERE ($1::bigint IS NULL OR size < $1) ORDER BY size DESC LIMIT $2`, [before ?? null, limit]);
    return rows.map(checkpointOf);
  }

  /** Checkpoints with size in [from, to], oldest first. */
  async checkpointsBetween(from: number, to: number): Promise<StoredCheckpoint[]> {
    const rows = await this.dataSource.query(`SELECT * FROM audit_checkpoints WHERE size >= $1 AND size <= $2 ORDER BY size`, [from, to]);
    return rows.map(checkpointOf);
  }

  async insertCheckpoint(m: EntityManager, c: StoredCheckpoint): Promise<void> {
    await m.query(
      `INSERT INTO audit_checkpoints (size, head_hash, merkle_root, frontier, created_at, key_id, signature)
       VALUES ($1, decode($2, 'hex'), decode($3, 'hex'), (SELECT coalesce(array_agg(decode(f, 'hex') ORDER BY o), '{}') FROM unnest($4::text[]) WITH ORDINALITY AS u(f, o)), $5, $6, $7)`,
      [c.size, c.headHash.toString('hex'), c.merkleRoot.toString('hex'), c.frontier.map((f) => f.toString('hex')), c.createdAt, c.keyId, c.signature],
    );
  }

  /** Chain links of seq in (after, upTo], at most `limit`, as stored. */
  async links(after: number, upTo: number, limit: number): Promise<ChainLinkRow[]> {
    // One value per batch (row hash ‖ chain hash of each link, in order), cut up here: a million
    // small rows cost more to parse than to hash. The batch is a seq range, not a LIMIT, so the
    // plan is one index range scan. A range with a gap (or a hash of another length) is read
    // again link by link, so the walk can name the place.
    const upper = Math.min(after + limit, upTo);
    const [b] = await this.dataSource.query(
      `SELECT min(seq) AS first, max(seq) AS last, count(*)::int AS n, bool_and(octet_length(row_hash) = 32 AND octet_length(chain_hash) = 32) AS sized,
              string_agg(row_hash || chain_hash, ''::bytea ORDER BY seq) AS hashes
         FROM audit_chain WHERE seq > $1 AND seq <= $2`,
      [after, upper],
    );
    if (b && b.n === upper - after && b.sized && num(b.first) === after + 1 && num(b.last) === upper) {
      const hashes = b.hashes as Buffer;
      return Array.from({ length: b.n as number }, (_, i) => ({ seq: after + 1 + i, rowHash: hashes.subarray(i * 64, i * 64 + 32), chainHash: hashes.subarray(i * 64 + 32, i * 64 + 64) }));
    }
    const rows = await this.dataSource.query(`SELECT seq, row_hash, chain_hash FROM audit_chain WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`, [after, upTo, limit]);
    return rows.map((r: any) => ({ seq: num(r.seq), rowHash: r.row_hash, chainHash: r.chain_hash }));
  }

  /**
   * The first link in [from, to] whose row is gone or no longer hashes to what was sealed. One
   * statement over the whole range, so PostgreSQL hashes the rows with its parallel workers
   * (min(), not ORDER BY … LIMIT 1, which would walk the index one row at a time). The hash is
   * the projection of the scan of audit_log (a subquery), not a filter above the join: over the
   * partitions the planner would otherwise hash every row in the leader after the Gather. For a
   * part of the chain (`whole` false) the scan is bounded by the range's row ids, so only those
   * rows are hashed.
   */
  async firstMismatch(from: number, to: number, whole = false): Promise<{ seq: number; rowId: string; missing: boolean } | null> {
    const bounds = whole
      ? ''
      : `WHERE a.id BETWEEN (SELECT min(row_id) FROM audit_chain WHERE seq BETWEEN $1 AND $2) AND (SELECT max(row_id) FROM audit_chain WHERE seq BETWEEN $1 AND $2)`;
    const [m] = await this.dataSource.query(
      `SELECT min(c.seq) AS seq
         FROM audit_chain c LEFT JOIN (SELECT a.id, ${rowHashSql('a')} AS row_hash FROM audit_log a ${bounds}) a ON a.id = c.row_id
        WHERE c.seq BETWEEN $1 AND $2 AND (a.id IS NULL OR a.row_hash <> c.row_hash)`,
      [from, to],
    );
    if (m?.seq === null || m?.seq === undefined) return null;
    const [r] = await this.dataSource.query(`SELECT c.row_id, a.id IS NULL AS missing FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.row_id WHERE c.seq = $1`, [m.seq]);
    return { seq: num(m.seq), rowId: String(r.row_id), missing: r.missing };
  }

  /**
   * Rows that can no longer be sealed yet are not in the chain: at or before the sealer's cursor
   * in (txid, id) order. Only a write past the privileges and triggers puts one there.
   */
  async strayRows(cursor: { txid: string; rowId: string }, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT a.id FROM audit_log a
        WHERE (a.txid, a.id) <= ($1::bigint, $2::bigint) AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.row_id = a.id)
        ORDER BY a.id LIMIT $3`,
      [cursor.txid, cursor.rowId, limit],
    );
    return rows.map((r: any) => String(r.id));
  }

  async unsealedCount(cursor: { txid: string; rowId: string } | null): Promise<number> {
    const [r] = await this.dataSource.query(`SELECT count(*)::int AS n FROM audit_log a WHERE (a.txid, a.id) > ($1::bigint, $2::bigint)`, [cursor?.txid ?? '-1', cursor?.rowId ?? '-1']);
    return r.n;
  }

  /** Chain links of seq in [from, to] with their rows (null when gone), for a report. */
  async around(from: number, to: number): Promise<Array<{ seq: number; rowId: string; row: AuditRowView | null }>> {
    const rows = await this.dataSource.query(
      `SELECT c.seq, c.row_id, a.id, a.occurred_at, a.actor_id, a.actor_role, a.action, a.entity_type, a.entity_id
         FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.row_id
        WHERE c.seq BETWEEN $1 AND $2 ORDER BY c.seq`,
      [from, to],
    );
    return rows.map((r: any) => ({
      seq: num(r.seq),
      rowId: String(r.row_id),
      row: r.id === null ? null : { id: String(r.id), occurredAt: r.occurred_at, actorId: r.actor_id, actorRole: r.actor_role, action: r.action, entityType: r.entity_type, entityId: r.entity_id },
    }));
  }

  async rowView(id: string): Promise<AuditRowView | null> {
    const [r] = await this.dataSource.query(`SELECT id, occurred_at, actor_id, actor_role, action, entity_type, entity_id FROM audit_log WHERE id = $1`, [id]);
    return r ? { id: String(r.id), occurredAt: r.occurred_at, actorId: r.actor_id, actorRole: r.actor_role, action: r.action, entityType: r.entity_type, entityId: r.entity_id } : null;
  }

  /**
   * Creates the monthly partitions of audit_log that are missing, from `since`'s month (default:
   * this month, by the database's clock) to `monthsAhead` months ahead; returns the ones created.
   */
  async ensurePartitions(monthsAhead: number, since?: Date): Promise<string[]> {
    const [r] = await this.dataSource.query(`SELECT audit_log_ensure_partitions($1, $2) AS created`, [monthsAhead, since ?? null]);
    return r.created as string[];
  }

  /** The partitions of audit_log, oldest first, with their bounds and (estimated) row counts. */
  async partitions(): Promise<Array<{ name: string; bounds: string; rows: number }>> {
    const rows = await this.dataSource.query(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds, greatest(c.reltuples, 0)::bigint AS rows
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_log'::regclass
        ORDER BY c.relname = 'audit_log_default', c.relname`,
    );
    return rows.map((r: any) => ({ name: r.name, bounds: r.bounds, rows: num(r.rows) }));
  }

  /**
   * Masks the personal-data fields of one row through audit_redact (the only UPDATE of an audit
   * row the database allows), each committed by the digest the canonical form gives it now.
   * Returns how many values were masked.
   */
  async redact(m: EntityManager, id: string, fields: string[]): Promise<number> {
    const digests = fields.map((f) => personalDigestSql(f, 'a'));
    const remaining = AUDIT_REDACTABLE_FIELDS.filter((f) => !fields.includes(f)).map((f) =>
      f.startsWith('details.') ? `a.details ? '${AUDIT_PERSONAL_DETAIL_KEYS.find((k) => `details.${k}` === f)}'` : `a.${f} IS NOT NULL`,
    );
    const [r] = await m.query(
      `SELECT audit_redact(a.id, $2::text[], ARRAY[${digests.join(', ')}]::text[], ${remaining.length ? `NOT (${remaining.join(' OR ')})` : 'true'}) AS n
         FROM audit_log a WHERE a.id = $1`,
      [id, fields],
    );
    return r?.n ?? 0;
  }
}
