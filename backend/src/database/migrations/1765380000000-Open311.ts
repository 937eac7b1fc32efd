import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open311 GeoReport v2 (issue 19), the open311 module's tables.
 *
 * - open311_api_keys: the client apps allowed to file requests. Only the SHA-256 of a key is kept
 *   (keys are 32 random bytes, so a fast hash is enough); its first characters identify it in lists.
 * - open311_requests: one row per appeal filed through Open311: the key that filed it, the service
 *   code, the location (lat/long, address_string) the client gave, and the token of tokens/{token}.
 *   It goes with its appeal (ON DELETE CASCADE: retention destroys both).
 */
export class Open3111765380000000 implements MigrationInterface {
  name = 'Open3111765380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE open311_api_keys (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_prefix text NOT NULL,
        key_hash text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT open311_api_keys_pkey PRIMARY KEY (id),
        CONSTRAINT open311_api_keys_key_hash_key UNIQUE (key_hash),
        CONSTRAINT open311_api_keys_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
      );

      CREATE TABLE open311_requests (
        appeal_id uuid NOT NULL,
        number bigint NOT NULL,
        api_key_id uuid NOT NULL,
        token text NOT NULL,
        service_code text NOT NULL,
        lat double precision,
        long double precision,
        address_string text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT open311_requests_pkey PRIMARY KEY (appeal_id),
        CONSTRAINT open311_requests_number_key UNIQUE (number),
        CONSTRAINT open311_requests_token_key UNIQUE (token),
        CONSTRAINT open311_requests_appeal_id_fkey FOREIGN KEY (appeal_id) REFERENCES appeals(id) ON DELETE CASCADE,
        CONSTRAINT open311_requests_api_key_id_fkey FOREIGN KEY (api_key_id) REFERENCES open311_api_keys(id),
        CONSTRAINT open311_requests_lat_check CHECK (lat BETWEEN -90 AND 90),
        CONSTRAINT open311_requests_long_check CHECK (long BETWEEN -180 AND 180)
      );
      CREATE INDEX open311_requests_requested_at_idx ON open311_requests (requested_at DESC, number DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE open311_requests; DROP TABLE open311_api_keys`);
  }
}
