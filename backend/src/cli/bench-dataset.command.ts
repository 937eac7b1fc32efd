import { cpus } from 'node:os';
import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource, QueryRunner } from 'typeorm';
import { UNANSWERED_STATUSES } from '@otklik/shared/domain';
import { sqlList } from '../common/sql/literals';
import { PasswordHasher } from '../modules/auth/password-hasher';
import { SeedService } from '../modules/seed/seed.service';

/**
 * Benchmark data: many realistic appeals written with set-based SQL (INSERT … SELECT over
 * generate_series), in batches, on up to --jobs connections at once. Accounts it creates
 * (all under @bench.otklik.local, password BENCH_PASSWORD):
 *   bench-citizen-<k>   ordinary citizens, skewed: a few file many appeals, most file a few
 *   bench-heavy         one citizen with ~2,000 appeals (list and search have real work)
 *   bench-operator      operator of the bench department (tech-support when seeded): ~10% of
 *                       all appeals land there, so 1M appeals give a ~100k queue
 * Text: Russian subject + body from a vocabulary; COMMON_WORD is in ~30% of bodies,
 * RARE_WORD in ~0.01% (and in a couple of the heavy citizen's appeals).
 * Only appeals and users are written — no history/audit/outbox rows: the reads this data
 * exists for (lists, queue, search) do not touch them.
 */
export const BENCH_DOMAIN = 'bench.otklik.local';
export const BENCH_PASSWORD = 'Bench#Otklik2026';
export const COMMON_WORD = 'отопление';
export const RARE_WORD = 'барельеф';
const HEAVY_APPEALS = 2000;
const BENCH_DEPARTMENT_SHARE = 0.1;
const SLOTS = 1000;
/** Operators generated in every department: the taken appeals' assignees. */
const BENCH_STAFF_PER_DEPARTMENT = 8;
/** The served app's AUTO_CLOSE_DAYS default (config/app-config.ts): answers older than this are closed. */
const AUTO_CLOSE_DAYS = 14;
const DAY = 86_400;

interface Options {
  appeals?: number;
  citizens?: number;
  departmentsFromSeed?: boolean;
  force?: boolean;
  batch?: number;
  jobs?: number;
}

interface CategoryRow {
  id: string;
  parent_id: string | null;
  department_id: string | null;
  appeal_types: string[] | null;
  priority: boolean;
  region_required: boolean;
}

/** One routing choice: what a generated appeal is filed under and where it lands. */
interface Slot {
  categoryId: string;
  subcategoryId: string | null;
  departmentId: string | null;
  gratitudeOnly: boolean;
  priority: boolean;
  regionRequired: boolean;
}

@Command({
  name: 'bench:dataset',
  description:
    'Generate benchmark data: --appeals N [--citizens M] [--departments-from-seed] [--force] [--batch 50000] [--jobs 2]. ' +
    'Refuses to run on a database that already has bench data unless --force (which deletes it first).',
})
export class BenchDatasetCommand extends CommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seed: SeedService,
  ) {
    super();
  }

  async run(_: string[], options: Options): Promise<void> {
    const total = options.appeals;
    if (total === undefined || !Number.isInteger(total) || total < 0) throw new Error('--appeals N is required (a whole number ≥ 0)');
    const citizens = options.citizens ?? Math.max(10, Math.ceil(total / 10));
    const batch = options.batch ?? 50_000;
    const jobs = Math.max(1, Math.min(options.jobs ?? cpus().length, 8));
    if (!Number.isInteger(citizens) || citizens < 1) throw new Error('--citizens must be a whole number ≥ 1');
    if (!Number.isInteger(batch) || batch < 1000) throw new Error('--batch must be a whole number ≥ 1000');

    const existing = await this.existingBenchUsers();
    if (existing > 0) {
      if (!options.force) {
        throw new Error(`bench data already present (${existing} @${BENCH_DOMAIN} accounts); rerun with --force to delete and regenerate it`);
      }
      await this.deleteBenchData();
    }
    if (options.departmentsFromSeed) await this.seed.seedCatalog();
    const slots = await this.routingSlots();

    const started = Date.now();
    const passwordHash = await new PasswordHasher().hash(BENCH_PASSWORD);
    await this.createUsers(citizens, passwordHash, slots.benchDepartmentId);
    if (total > 0) await this.createAppeals(total, citizens, slots.slots, batch, jobs);
    // As the tables' owner: the pool's role (otklik_app, app-role.ts) may not analyze them, and
    // PostgreSQL only warns and skips — the dataset was left without statistics, and the reads
    // and the report's CSV planned on defaults (bitmap scans of every appeal per keyset chunk).
    await this.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL ROLE NONE');
      await m.query('ANALYZE users, appeals');
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `bench data: ${total} appeals, ${citizens} citizens + bench-heavy + bench-operator (@${BENCH_DOMAIN}, password ${BENCH_PASSWORD}) ` +
        `in ${seconds.toFixed(1)} s\n`,
    );
  }

  private async existingBenchUsers(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email_normalized LIKE $1`, [`%@${BENCH_DOMAIN}`]);
    return n;
  }

  /**
   * --force: removes what an earlier run wrote (appeals of bench citizens cascade to their trail).
   * On a database holding nothing but bench appeals, TRUNCATE: deleting the users row by row
   * would otherwise scan appeals once per user for the unindexed assignee_id foreign key.
   */
  private async deleteBenchData(): Promise<void> {
    process.stderr.write('deleting the previous bench data…\n');
    await this.dataSource.transaction(async (m) => {
      const like = `%@${BENCH_DOMAIN}`;
      const [{ others }] = await m.query(
        `SELECT count(*)::int AS others FROM appeals WHERE citizen_id NOT IN (SELECT id FROM users WHERE email_normalized LIKE $1)`,
        [like],
      );
      if (others === 0) await m.query(`TRUNCATE appeals CASCADE`);
      else await m.query(`DELETE FROM appeals WHERE citizen_id IN (SELECT id FROM users WHERE email_normalized LIKE $1)`, [like]);
      await m.query(`UPDATE appeals SET assignee_id = NULL WHERE assignee_id IN (SELECT id FROM users WHERE email_normalized LIKE $1)`, [like]);
      await m.query(`DELETE FROM users WHERE email_normalized LIKE $1`, [like]);
    });
  }

  /**
   * SLOTS weighted routing choices: the bench department gets BENCH_DEPARTMENT_SHARE, the
   * general pool half a share, every other department that categories route to one share;
   * within a department, each (category, subcategory or none) is equally likely.
   */
  private async routingSlots(): Promise<{ slots: Slot[]; benchDepartmentId: string }> {
    const departments: { id: string; code: string; is_general_pool: boolean }[] = await this.dataSource.query(
      `SELECT id, code, is_general_pool FROM departments ORDER BY code`,
    );
    const categories: CategoryRow[] = await this.dataSource.query(
      `SELECT id, parent_id, department_id, appeal_types, priority,
              coalesce(extra_fields_schema->'required' ? 'region', false) AS region_required
         FROM categories WHERE active ORDER BY sort_order, code`,
    );
    if (categories.length === 0 || departments.length === 0) {
      throw new Error('no departments/categories in this database: run with --departments-from-seed (or seed:demo first)');
    }
    const pool = departments.find((d) => d.is_general_pool)?.id ?? null;
    const byDepartment = new Map<string | null, Slot[]>();
    const tops = categories.filter((c) => c.parent_id === null);
    for (const top of tops) {
      const choices: (CategoryRow | null)[] = [null, ...categories.filter((c) => c.parent_id === top.id)];
      for (const sub of choices) {
        const departmentId = sub?.department_id ?? top.department_id ?? pool;
        const list = byDepartment.get(departmentId) ?? [];
        list.push({
          categoryId: top.id,
          subcategoryId: sub?.id ?? null,
          departmentId,
          gratitudeOnly: (top.appeal_types ?? []).length > 0 && top.appeal_types!.every((t) => t === 'gratitude'),
          priority: top.priority || Boolean(sub?.priority),
          regionRequired: top.region_required || Boolean(sub?.region_required),
        });
        byDepartment.set(departmentId, list);
      }
    }
    const bench =
      departments.find((d) => d.code === 'tech-support' && byDepartment.has(d.id)) ??
      departments.find((d) => byDepartment.has(d.id) && !d.is_general_pool) ??
      departments.find((d) => byDepartment.has(d.id))!;
    const others = [...byDepartment.keys()].filter((id) => id !== bench.id);
    const weightOf = (id: string | null) => (id === pool ? 0.5 : 1);
    const otherWeight = others.reduce((s, id) => s + weightOf(id), 0);
    const share = new Map<string | null, number>([[bench.id, others.length ? BENCH_DEPARTMENT_SHARE : 1]]);
    for (const id of others) share.set(id, ((1 - BENCH_DEPARTMENT_SHARE) * weightOf(id)) / otherWeight);
    // Largest-remainder rounding of shares into SLOTS, then each department's slots round-robin over its choices.
    const exact = [...share].map(([id, s]) => ({ id, n: s * SLOTS }));
    const counts = exact.map((e) => ({ id: e.id, n: Math.floor(e.n), rem: e.n - Math.floor(e.n) }));
    let left = SLOTS - counts.reduce((s, c) => s + c.n, 0);
    for (const c of [...counts].sort((a, b) => b.rem - a.rem)) if (left-- > 0) c.n++;
    const slots: Slot[] = [];
    for (const { id, n } of counts) {
      const choices = byDepartment.get(id)!;
      for (let i = 0; i < n; i++) slots.push(choices[i % choices.length]);
    }
    return { slots, benchDepartmentId: bench.id };
  }

  /** Citizens get deterministic ids (md5 of a name) so appeals can reference them without a join. */
  private async createUsers(citizens: number, passwordHash: string, benchDepartmentId: string): Promise<void> {
    const names = `(ARRAY[${sqlList(SURNAMES)}])[1 + (k * 7) % ${SURNAMES.length}] || ' ' || (ARRAY[${sqlList(FIRST_NAMES)}])[1 + (k * 13) % ${FIRST_NAMES.length}] || ' ' || (ARRAY[${sqlList(PATRONYMICS)}])[1 + (k * 17) % ${PATRONYMICS.length}]`;
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO users (id, email, email_normalized, password_hash, role, full_name, created_at, updated_at)
         SELECT ${uuidOf(`'bench-citizen:' || k`)}, e, e, $1, 'citizen', ${names}, now() - random() * interval '3 years', now()
           FROM generate_series(1, $2::int) k, LATERAL (SELECT 'bench-citizen-' || k || '@${BENCH_DOMAIN}' AS e) x`,
        [passwordHash, citizens],
      );
      // BENCH_STAFF_PER_DEPARTMENT operators in every department: the assignees of the taken and
      // answered appeals (appealBatchSql), so the reports' per-assignee figures have operators.
      await m.query(
        `INSERT INTO users (id, email, email_normalized, password_hash, role, full_name, position, department_id)
         SELECT ${uuidOf(`'bench-staff:' || d.id || ':' || k`)}, e, e, $1, 'operator', ${names}, 'Специалист', d.id
           FROM departments d, generate_series(1, ${BENCH_STAFF_PER_DEPARTMENT}) k,
                LATERAL (SELECT 'bench-staff-' || d.code || '-' || k || '@${BENCH_DOMAIN}' AS e) x`,
        [passwordHash],
      );
      await m.query(
        `INSERT INTO users (id, email, email_normalized, password_hash, role, full_name, position, department_id)
         VALUES (${uuidOf(`'bench-citizen:heavy'`)}, $1, $1, $3, 'citizen', 'Тяжёлов Пётр Семёнович', NULL, NULL),
                (${uuidOf(`'bench-operator'`)}, $2, $2, $3, 'operator', 'Операторова Ольга Ивановна', 'Специалист', $4)`,
        [`bench-heavy@${BENCH_DOMAIN}`, `bench-operator@${BENCH_DOMAIN}`, passwordHash, benchDepartmentId],
      );
    });
  }

  private async createAppeals(total: number, citizens: number, slots: Slot[], batch: number, jobs: number): Promise<void> {
    const [{ base }] = await this.dataSource.query(`SELECT nextval('appeal_number_seq')::bigint AS base`);
    const sql = appealBatchSql({ total, citizens, slots, numberBase: Number(base), now: Date.now() / 1000 });
    const ranges: [number, number][] = [];
    for (let from = 1; from <= total; from += batch) ranges.push([from, Math.min(total, from + batch - 1)]);
    const progress = new Progress(total);
    const runners: QueryRunner[] = [];
    try {
      for (let i = 0; i < Math.min(jobs, ranges.length); i++) {
        const runner = this.dataSource.createQueryRunner();
        await runner.connect();
        // Losing the last batches in a crash is harmless here; skipping the per-batch flush wait is not.
        await runner.query(`SET synchronous_commit = off`);
        runners.push(runner);
      }
      let next = 0;
      await Promise.all(
        runners.map(async (runner) => {
          while (next < ranges.length) {
            const [from, to] = ranges[next++];
            await runner.query(sql, [from, to]);
            progress.add(to - from + 1);
          }
        }),
      );
    } finally {
      await Promise.all(runners.map((r) => r.release()));
      progress.end();
    }
    await this.dataSource.query(`SELECT setval('appeal_number_seq', $1::bigint)`, [Number(base) + total]);
  }

  @Option({ flags: '--appeals <n>', description: 'How many appeals to generate (required)' })
  parseAppeals(value: string): number {
    return wholeNumber('--appeals', value);
  }

  @Option({ flags: '--citizens <m>', description: 'How many citizens to spread them over (default appeals/10, at least 10)' })
  parseCitizens(value: string): number {
    return wholeNumber('--citizens', value);
  }

  @Option({ flags: '--departments-from-seed', description: 'Seed the demo departments and categories first (idempotent) and use them' })
  parseDepartmentsFromSeed(): boolean {
    return true;
  }

  @Option({ flags: '--force', description: 'Delete bench data of an earlier run and generate it again' })
  parseForce(): boolean {
    return true;
  }

  @Option({ flags: '--batch <n>', description: 'Appeals per INSERT … SELECT (default 50000)' })
  parseBatch(value: string): number {
    return wholeNumber('--batch', value);
  }

  @Option({ flags: '--jobs <n>', description: 'Batches written at once on separate connections (default: CPU count)' })
  parseJobs(value: string): number {
    return wholeNumber('--jobs', value);
  }
}

function wholeNumber(flag: string, value: string): number {
  const cleaned = value.replace(/[_,]/g, '');
  if (!/^\d+$/.test(cleaned)) throw new Error(`${flag} must be a whole number, got "${value}"`);
  return Number(cleaned);
}

/**
 * A deterministic id from a SQL text expression, shaped as an RFC 9562 version-4 UUID (version
 * and variant nibbles set) so the API's UUID validation accepts it like any real user's id.
 */
function uuidOf(expr: string): string {
  return `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
}

function sqlArray(values: readonly (string | null)[], type: string): string {
  return `'{${values.map((v) => (v === null ? 'NULL' : v)).join(',')}}'::${type}[]`;
}

/**
 * One INSERT … SELECT for appeals $1..$2 of `total`. Appeal g is registered at the g-th
 * instant of a 3-year span (so numbers grow with time); how likely it is to be still open
 * falls with its age; closed ones got closed_at within (about) their deadline. Taken ones (in
 * work or past it) have an assignee of their department and a first reaction; answered ones an
 * answer time; some resolved and closed ones a rating.
 */
function appealBatchSql(p: { total: number; citizens: number; slots: Slot[]; numberBase: number; now: number }): string {
  const span = 3 * 365 * DAY;
  const start = p.now - span;
  const step = (span - 3600) / p.total;
  const heavyEvery = Math.max(1, Math.floor(p.total / HEAVY_APPEALS));
  const open = sqlList(UNANSWERED_STATUSES);
  const taken = sqlList(['in_progress', 'awaiting_approval', 'awaiting_citizen', 'resolved', 'rejected', 'closed']);
  const answered = sqlList(['resolved', 'rejected', 'closed']);
  const pick = (list: readonly string[], index: string) => `(ARRAY[${sqlList(list)}])[${index}]`;
  const rnd = (n: number) => `1 + floor(random() * ${n})::int`;
  const slots = p.slots;
  // Moscow end of day of an instant, as the service's deadlines are.
  const endOfMoscowDay = (ts: string) =>
    `((date_trunc('day', (${ts}) AT TIME ZONE 'Europe/Moscow') + interval '1 day' - interval '1 millisecond') AT TIME ZONE 'Europe/Moscow')`;
  return `
    INSERT INTO appeals (number, citizen_id, type, category_id, subcategory_id, subject, body, priority, extra_fields,
                         status, department_id, important, overdue, registered_at, due_at, first_response_due_at,
                         closed_at, assignee_id, first_reaction_at, answered_at, rating, rated_at, created_at, updated_at)
    SELECT CASE WHEN status = 'draft' THEN NULL ELSE ${p.numberBase} + g - 1 END,
           citizen_id, type, category_id, subcategory_id, subject, body, priority, extra_fields,
           status,
           CASE WHEN status = 'draft' THEN NULL ELSE department_id END,
           important,
           status IN (${open}) AND due_at < to_timestamp(${p.now}),
           CASE WHEN status = 'draft' THEN NULL ELSE reg END,
           CASE WHEN status = 'draft' THEN NULL ELSE due_at END,
           CASE WHEN status = 'draft' THEN NULL ELSE reg + CASE WHEN priority_category THEN interval '2 hours' ELSE interval '24 hours' END END,
           CASE WHEN status IN ('resolved', 'rejected', 'closed', 'withdrawn')
                THEN least(to_timestamp(${p.now}), reg + r_close * 1.1 * (due_at - reg)) END,
           -- Taken (and answered) appeals have an operator of their department and a first reaction
           -- within 30 hours of registration; answered ones their answer at the close; a third of the
           -- resolved and closed ones a rating (skewed high) a day later.
           CASE WHEN status IN (${taken}) AND department_id IS NOT NULL
                THEN ${uuidOf(`'bench-staff:' || department_id || ':' || (1 + floor(r_assignee * ${BENCH_STAFF_PER_DEPARTMENT})::int)`)} END,
           CASE WHEN status IN (${taken}) THEN least(to_timestamp(${p.now}), reg + r_react * interval '30 hours') END,
           CASE WHEN status IN (${answered})
                THEN least(to_timestamp(${p.now}), greatest(reg + r_react * interval '30 hours', reg + r_close * 1.1 * (due_at - reg))) END,
           CASE WHEN status IN ('resolved', 'closed') AND r_rate < 0.3 THEN 5 - least(4, floor(r_rating * r_rating * 5))::int END,
           CASE WHEN status IN ('resolved', 'closed') AND r_rate < 0.3
                THEN least(to_timestamp(${p.now}), greatest(reg + r_react * interval '30 hours', reg + r_close * 1.1 * (due_at - reg)) + interval '1 day') END,
           reg - r_created * interval '20 minutes',
           CASE WHEN status IN ('resolved', 'rejected', 'closed', 'withdrawn')
                THEN least(to_timestamp(${p.now}), reg + r_close * 1.1 * (due_at - reg))
                ELSE reg + r_created * least(age_days, 3) * interval '1 day' END
      FROM (
        -- Answered (resolved, rejected) longer than AUTO_CLOSE_DAYS ago: closed, as the SLA tick
        -- would have closed them (else the served dataset's first tick closes half a million).
        SELECT t0.*,
               CASE WHEN status0 IN ('resolved', 'rejected')
                         AND greatest(reg + r_react * interval '30 hours', reg + r_close * 1.1 * (due_at - reg))
                             <= to_timestamp(${p.now}) - interval '${AUTO_CLOSE_DAYS} days'
                    THEN 'closed' ELSE status0 END AS status
          FROM (
        SELECT d.*,
               CASE
                 WHEN r_draft < 0.005 THEN 'draft'
                 WHEN r_open < CASE WHEN age_days < 90 THEN greatest(0.03, 0.97 * exp(-age_days / 20))
                                    WHEN age_days < 365 THEN 0.01 ELSE 0 END
                   THEN CASE WHEN age_days < 2 THEN CASE WHEN r_status < 0.7 THEN 'registered' ELSE 'in_progress' END
                             WHEN r_status < 0.10 THEN 'registered'
                             WHEN r_status < 0.70 THEN 'in_progress'
                             WHEN r_status < 0.85 THEN 'awaiting_approval'
                             ELSE 'awaiting_citizen' END
                 WHEN r_status < 0.45 THEN 'resolved'
                 WHEN r_status < 0.83 THEN 'closed'
                 WHEN r_status < 0.93 THEN 'rejected'
                 ELSE 'withdrawn'
               END AS status0,
               ${endOfMoscowDay(`reg + CASE WHEN type = 'question' THEN interval '7 days' ELSE interval '30 days' END`)} AS due_at
          FROM (
            SELECT r.*,
                   (${sqlArray(slots.map((s) => s.categoryId), 'uuid')})[slot] AS category_id,
                   (${sqlArray(slots.map((s) => s.subcategoryId), 'uuid')})[slot] AS subcategory_id,
                   (${sqlArray(slots.map((s) => s.departmentId), 'uuid')})[slot] AS department_id,
                   (${sqlArray(slots.map((s) => String(s.priority)), 'boolean')})[slot] AS priority_category,
                   CASE WHEN (${sqlArray(slots.map((s) => String(s.gratitudeOnly)), 'boolean')})[slot] THEN 'gratitude'
                        WHEN r_type < 0.38 THEN 'complaint' WHEN r_type < 0.73 THEN 'question'
                        WHEN r_type < 0.88 THEN 'suggestion' ELSE 'petition' END AS type,
                   CASE WHEN (${sqlArray(slots.map((s) => String(s.regionRequired)), 'boolean')})[slot]
                        THEN jsonb_build_object('region', ${pick(REGIONS, `1 + (g % ${REGIONS.length})`)})
                        ELSE '{}'::jsonb END AS extra_fields,
                   CASE WHEN r_prio < 0.05 THEN 'low' WHEN r_prio < 0.90 THEN 'normal' ELSE 'high' END AS priority,
                   r_imp < 0.03 AS important,
                   ${pick(TOPICS, 't1')} || ' ' || ${pick(PLACES, 't2')} AS subject,
                   ${pick(OPENINGS, 's0')} || ' ' || ${pick(SENTENCES, 's1')} || ' ' || ${pick(SENTENCES, 's2')} || ' ' ||
                     ${pick(SENTENCES, 's3')} ||
                     CASE WHEN r_common < 0.30 THEN ' ' || ${pick(COMMON_SENTENCES, 'sc')} ELSE '' END ||
                     CASE WHEN rare THEN ' ' || ${pick(RARE_SENTENCES, `1 + g % ${RARE_SENTENCES.length}`)} ELSE '' END ||
                     ' ' || ${pick(CLOSINGS, 's4')} AS body
              FROM (
                SELECT g,
                       ${rnd(slots.length)} AS slot,
                       to_timestamp(${start} + (g - 1 + random()) * ${step}) AS reg,
                       (${span} - (g - 1 + 0.5) * ${step}) / ${DAY} AS age_days,
                       CASE WHEN g % ${heavyEvery} = 0 THEN ${uuidOf(`'bench-citizen:heavy'`)}
                            ELSE ${uuidOf(`'bench-citizen:' || (1 + floor(${p.citizens} * power(random(), 1.5))::int)`)} END AS citizen_id,
                       random() < 0.0001 OR (g % ${heavyEvery} = 0 AND (g / ${heavyEvery}) % 1000 = 7) AS rare,
                       random() AS r_draft, random() AS r_open, random() AS r_status, random() AS r_type, random() AS r_prio,
                       random() AS r_imp, random() AS r_common, random() AS r_close, random() AS r_created,
                       random() AS r_assignee, random() AS r_react, random() AS r_rate, 1 - random() AS r_rating,
                       ${rnd(TOPICS.length)} AS t1, ${rnd(PLACES.length)} AS t2, ${rnd(OPENINGS.length)} AS s0,
                       ${rnd(SENTENCES.length)} AS s1, ${rnd(SENTENCES.length)} AS s2, ${rnd(SENTENCES.length)} AS s3,
                       ${rnd(CLOSINGS.length)} AS s4, ${rnd(COMMON_SENTENCES.length)} AS sc
                  FROM generate_series($1::int, $2::int) g
              ) r
          ) d
          ) t0
      ) t`;
}

/** done/total, rate and ETA on stderr: one redrawn line on a terminal, a line per batch otherwise. */
class Progress {
  private done = 0;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY;

  constructor(private readonly total: number) {
    this.draw();
  }

  add(n: number): void {
    this.done += n;
    this.draw();
  }

  end(): void {
    if (this.tty) process.stderr.write('\n');
  }

  private draw(): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? (this.total - this.done) / rate : NaN;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const line =
      `appeals [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')} ` +
      `${((this.done / this.total) * 100).toFixed(0)}%  ${Math.round(rate).toLocaleString('en')}/s  ETA ${formatSeconds(eta)}`;
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}

// Vocabulary. COMMON_WORD appears only in COMMON_SENTENCES and RARE_WORD only in RARE_SENTENCES.
const TOPICS = [
  'Ремонт дороги', 'Вывоз мусора', 'Освещение улицы', 'Работа общественного транспорта', 'Благоустройство двора',
  'Шум в ночное время', 'Парковка автомобилей', 'Качество питьевой воды', 'Уборка снега', 'Работа поликлиники',
  'Детская площадка', 'Запись в детский сад', 'Начисление платы за услуги', 'Состояние тротуара', 'Работа портала госуслуг',
  'Бездомные животные', 'Озеленение территории', 'Ремонт подъезда', 'Пешеходный переход', 'Доступ в личный кабинет',
  'Ошибка при оплате', 'Вопрос о льготах', 'Капитальный ремонт крыши', 'Работа лифта', 'Спортивная площадка',
  'Расписание автобусов', 'Незаконная торговля', 'Затопление подвала',
];
const PLACES = [
  'на улице Ленина', 'в Заречном районе', 'по адресу ул. Садовая, д. 12', 'в микрорайоне Северный', 'у школы № 5',
  'на проспекте Мира', 'в Центральном районе', 'возле остановки «Рынок»', 'на улице Гагарина', 'в посёлке Луговой',
  'на набережной', 'в районе вокзала', 'во дворе дома 7 по улице Пушкина', 'на улице Советской', 'в квартале Солнечный',
  'у парка Победы', 'на Школьной улице', 'в Октябрьском районе', 'на улице Кирова', 'в селе Берёзовка',
];
const OPENINGS = [
  'Здравствуйте!', 'Добрый день.', 'Уважаемые сотрудники администрации!', 'Обращаюсь к вам повторно.', 'Прошу рассмотреть моё обращение.',
  'Пишу от имени жильцов нашего дома.', 'Добрый вечер.', 'Уважаемый руководитель!',
];
const SENTENCES = [
  'Проблема существует уже несколько месяцев, и никто не реагирует на звонки.',
  'Жители неоднократно обращались в управляющую компанию, но ответа так и не получили.',
  'Вечером на этом участке совсем темно, пожилым людям ходить опасно.',
  'Контейнеры переполнены, мусор разносится ветром по всему двору.',
  'После дождя образуются огромные лужи, пройти к подъезду невозможно.',
  'Автобус по маршруту № 12 регулярно опаздывает на двадцать-тридцать минут.',
  'Во дворе постоянно паркуются машины на газоне и у детской площадки.',
  'Из крана течёт ржавая вода с неприятным запахом.',
  'Тротуар разбит, асфальт провалился в нескольких местах.',
  'Записаться к врачу через сайт невозможно: свободных талонов нет уже неделю.',
  'Качели на детской площадке сломаны, дети могут получить травму.',
  'В квитанции за прошлый месяц указана сумма, которая не соответствует показаниям счётчиков.',
  'При входе в личный кабинет появляется сообщение об ошибке.',
  'Платёж списан с карты, но в системе не отображается.',
  'Стая бездомных собак собирается возле школы и пугает детей.',
  'Деревья во дворе не обрезали много лет, ветки касаются проводов.',
  'Лифт в нашем подъезде не работает уже вторую неделю.',
  'Кровля протекает, после каждого дождя на верхнем этаже мокрые потолки.',
  'На пешеходном переходе не работает светофор, водители не пропускают людей.',
  'Ночью из соседнего кафе громко играет музыка.',
  'Снег с тротуаров не убирают, люди вынуждены идти по проезжей части.',
  'В подвале стоит вода, в подъезде появились комары и сырость.',
  'Мне не пришло уведомление о рассмотрении предыдущего обращения.',
  'Прилагаю фотографии, на которых хорошо видно состояние участка.',
  'Сотрудник на горячей линии посоветовал направить письменное обращение.',
  'Прошу сообщить, в какие сроки планируется ремонт.',
  'Хочу выразить благодарность сотрудникам за быстрое решение вопроса.',
  'Предлагаю установить дополнительные скамейки и урны вдоль аллеи.',
  'Торговцы без разрешения занимают тротуар возле рынка.',
  'Прошу разъяснить, какие документы нужны для получения льготы.',
  'Ограждение спортивной площадки повреждено и представляет опасность.',
  'Ответ из районной службы был формальным и не решил проблему.',
];
const COMMON_SENTENCES = [
  'В квартирах плохо работает отопление, батареи едва тёплые.',
  'Отопление включили с большим опозданием, в доме очень холодно.',
  'Просим проверить систему отопления в нашем подъезде.',
  'Плата за отопление выросла вдвое без каких-либо объяснений.',
  'Из-за аварии отопление отключено уже третьи сутки.',
  'Прошу провести перерасчёт за отопление в связи с низкой температурой в квартире.',
];
const RARE_SENTENCES = [
  'На фасаде дома повреждён старинный барельеф, его нужно восстановить.',
  'Просим сохранить барельеф на здании бывшего кинотеатра при ремонте.',
];
const CLOSINGS = [
  'Прошу принять меры.', 'Прошу разобраться и сообщить о результатах.', 'Заранее благодарю за ответ.', 'Жду ответа в установленный срок.',
  'Прошу ответить письменно.', 'Надеюсь на скорое решение.', 'С уважением, житель района.', 'Спасибо.',
];
const REGIONS = ['Москва', 'Московская область', 'Санкт-Петербург', 'Татарстан', 'Свердловская область', 'Новосибирская область', 'Краснодарский край'];
const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев'];
const FIRST_NAMES = ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Иван', 'Михаил', 'Николай', 'Владимир', 'Павел', 'Юрий'];
const PATRONYMICS = ['Александрович', 'Сергеевич', 'Дмитриевич', 'Андреевич', 'Иванович', 'Михайлович', 'Николаевич', 'Викторович', 'Петрович'];
