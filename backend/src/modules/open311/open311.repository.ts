import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** An API key as the admin API lists it (never its hash). */
export interface ApiKeyRow {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** An Open311 request's own facts (the appeal's state comes from the appeals module). */
export interface RequestRow {
  appealId: string;
  number: number;
  apiKeyId: string;
  token: string;
  serviceCode: string;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  requestedAt: Date;
}

export interface RequestFilter {
  numbers?: number[];
  serviceCodes?: string[];
  from: Date;
  to: Date;
  limit: number;
}

const KEY_COLUMNS = `id, name, key_prefix AS "keyPrefix", created_at AS "createdAt", revoked_at AS "revokedAt", last_used_at AS "lastUsedAt"`;
const REQUEST_COLUMNS = `appeal_id AS "appealId", number::int AS number, api_key_id AS "apiKeyId", token, service_code AS "serviceCode", lat, long,
  address_string AS "addressString", requested_at AS "requestedAt"`;

/** The open311 module's tables, `open311_api_keys` and `open311_requests` (all their SQL here). */
@Injectable()
export class Open311Store {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createKey(manager: EntityManager, key: { name: string; keyPrefix: string; keyHash: string; createdBy: string | null }): Promise<ApiKeyRow> {
    const [row] = await manager.query<ApiKeyRow[]>(
      `INSERT INTO open311_api_keys (name, key_prefix, key_hash, created_by) VALUES ($1, $2, $3, $4) RETURNING ${KEY_COLUMNS}`,
      [key.name, key.keyPrefix, key.keyHash, key.createdBy],
    );
    return row;
  }

  listKeys(): Promise<ApiKeyRow[]> {
    return this.dataSource.query(`SELECT ${KEY_COLUMNS} FROM open311_api_keys ORDER BY created_at, id`);
  }

  /** Revokes a key (idempotent); null when there is no such key. */
  async revokeKey(manager: EntityManager, id: string, at: Date): Promise<ApiKeyRow | null> {
    const [row] = await manager.query<ApiKeyRow[]>(
      // In a CTE: through TypeORM a bare UPDATE returns [rows, count], a SELECT just the rows.
      `WITH u AS (UPDATE open311_api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING *) SELECT ${KEY_COLUMNS} FROM u`,
      [id, at],
    );
    return row ?? null;
  }

  /** The key with this hash, revoked or not (the caller tells the two apart). */
  async keyByHash(hash: string): Promise<ApiKeyRow | null> {
    const [row] = await this.dataSource.query<ApiKeyRow[]>(`SELECT ${KEY_COLUMNS} FROM open311_api_keys WHERE key_hash = $1`, [hash]);
    return row ?? null;
  }

  async touchKey(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE open311_api_keys SET last_used_at = now() WHERE id = $1`, [id]);
  }

  async insertRequest(manager: EntityManager, r: Omit<RequestRow, 'requestedAt'> & { requestedAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO open311_requests (appeal_id, number, api_key_id, token, service_code, lat, long, address_string, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.appealId, r.number, r.apiKeyId, r.token, r.serviceCode, r.lat, r.long, r.addressString, r.requestedAt],
    );
  }

  /** Newest first, at most `limit`. */
  findRequests(f: RequestFilter): Promise<RequestRow[]> {
    return this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM open311_requests
        WHERE ($1::bigint[] IS NULL OR number = ANY($1::bigint[]))
          AND ($2::text[] IS NULL OR service_code = ANY($2::text[]))
          AND requested_at >= $3 AND requested_at <= $4
        ORDER BY requested_at DESC, number DESC LIMIT $5`,
      [f.numbers ?? null, f.serviceCodes ?? null, f.from, f.to, f.limit],
    );
  }

  async requestByNumber(number: number): Promise<RequestRow | null> {
    const [row] = await this.dataSource.query<RequestRow[]>(`SELECT ${REQUEST_COLUMNS} FROM open311_requests WHERE number = $1`, [number]);
    return row ?? null;
  }

  async requestByToken(token: string): Promise<RequestRow | null> {
    const [row] = await this.dataSource.query<RequestRow[]>(`SELECT ${REQUEST_COLUMNS} FROM open311_requests WHERE token = $1`, [token]);
    return row ?? null;
  }
}
