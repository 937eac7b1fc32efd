import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copy: a migration must not change when the entity does.
const APPEAL_SEARCH_EXPRESSION =
  "setweight(to_tsvector('russian', subject), 'A') || setweight(to_tsvector('russian', body), 'B') || " +
  "setweight(to_tsvector('english', subject), 'C') || setweight(to_tsvector('english', body), 'D')";

/** The foundation schema: accounts, departments, catalog, appeals and their trail. */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_ru text NOT NULL,
        name_en text NOT NULL,
        parent_id uuid REFERENCES departments(id),
        is_general_pool boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX departments_one_general_pool ON departments (is_general_pool) WHERE is_general_pool;

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        email_normalized text NOT NULL UNIQUE,
        password_hash text,
        role text NOT NULL CHECK (role IN ('citizen', 'operator', 'supervisor', 'admin')),
        full_name text NOT NULL,
        position text,
        department_id uuid REFERENCES departments(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX users_department ON users (department_id) WHERE department_id IS NOT NULL;

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        ip text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES categories(id),
        code text NOT NULL UNIQUE,
        name_ru text NOT NULL,
        name_en text NOT NULL,
        department_id uuid REFERENCES departments(id),
        appeal_types text[],
        extra_fields_schema jsonb,
        priority boolean NOT NULL DEFAULT false,
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true
      );

      CREATE SEQUENCE appeal_number_seq START WITH 100001 NO CYCLE;

      CREATE TABLE appeals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint UNIQUE,
        citizen_id uuid NOT NULL REFERENCES users(id),
        type text NOT NULL,
        category_id uuid NOT NULL REFERENCES categories(id),
        subcategory_id uuid REFERENCES categories(id),
        subject text NOT NULL,
        body text NOT NULL,
        priority text NOT NULL DEFAULT 'normal',
        desired_answer_date date,
        extra_fields jsonb NOT NULL DEFAULT '{}',
        contact_encrypted text,
        status text NOT NULL,
        department_id uuid REFERENCES departments(id),
        assignee_id uuid REFERENCES users(id),
        important boolean NOT NULL DEFAULT false,
        overdue boolean NOT NULL DEFAULT false,
        registered_at timestamptz,
        due_at timestamptz,
        first_response_due_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        search_vector tsvector GENERATED ALWAYS AS (${APPEAL_SEARCH_EXPRESSION}) STORED,
        CHECK ((status = 'draft') = (number IS NULL))
      );
      CREATE INDEX appeals_citizen_newest ON appeals (citizen_id, created_at DESC, id DESC);
      -- The working queue: open appeals by deadline. Partial on the open statuses, so closed
      -- appeals with early deadlines are never scanned (the query repeats the same IN list).
      CREATE INDEX appeals_queue_due ON appeals (department_id, due_at, id)
        WHERE status IN ('registered', 'in_progress', 'awaiting_approval', 'awaiting_citizen');
      -- The same order over every registered appeal, for queue views filtered by a closed status.
      CREATE INDEX appeals_queue_all_due ON appeals (department_id, due_at, id) WHERE status <> 'draft';
      -- The assignee filter, and deleting a user without scanning every appeal.
      CREATE INDEX appeals_assignee ON appeals (assignee_id) WHERE assignee_id IS NOT NULL;
      CREATE INDEX appeals_queue_registered ON appeals (department_id, registered_at DESC, id DESC) WHERE status <> 'draft';
      CREATE INDEX appeals_search ON appeals USING gin (search_vector);

      CREATE TABLE appeal_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        event text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id uuid REFERENCES users(id),
        actor_role text NOT NULL,
        actor_name text NOT NULL,
        actor_position text,
        comment text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX appeal_history_appeal ON appeal_history (appeal_id, created_at);

      CREATE TABLE appeal_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        author_role text NOT NULL,
        author_name text NOT NULL,
        body text NOT NULL,
        internal boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX appeal_messages_appeal ON appeal_messages (appeal_id, created_at, id);

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_role text,
        ip text,
        user_agent text,
        request_id text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, occurred_at);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;

      -- TypeORM keeps generated-column expressions here (read by migration:generate).
      CREATE TABLE IF NOT EXISTS typeorm_metadata (
        type varchar NOT NULL,
        database varchar,
        schema varchar,
        "table" varchar,
        name varchar,
        value text
      );

      INSERT INTO typeorm_metadata (type, database, schema, "table", name, value)
      VALUES ('GENERATED_COLUMN', current_database(), 'public', 'appeals', 'search_vector', $expr$${APPEAL_SEARCH_EXPRESSION}$expr$);

      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE typeorm_metadata, idempotency_keys, outbox, audit_log, appeal_messages, appeal_history, appeals,
        categories, refresh_tokens, users, departments;
      DROP FUNCTION audit_log_append_only();
      DROP SEQUENCE appeal_number_seq;
    `);
  }
}
