import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createScratchDatabase, dropQueues, dropScratchDatabase, freePort, ROOT, waitReady } from '../e2e/support/server';

/**
 * Overdue detection in a scaled-out deployment: two API processes (HTTP only, RUN_WORKER=false)
 * and two worker processes on one PostgreSQL database and one BullMQ queue prefix, the scheduler
 * ticking every second. Appeals whose deadlines have already passed are inserted directly (a
 * worker has no HTTP, so its clock cannot be moved): each must be marked overdue exactly once —
 * one history row of each kind, one audit row, one outbox event. Then every process stops,
 * more appeals fall due during the "downtime", and a restarted cluster catches up on them.
 */
const FIRST_WAVE = 3000; // more than one batch of the scheduler's set-based statements
const DOWNTIME_WAVE = 1200;

interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
}

describe('overdue detection: 2 API + 2 worker processes on one Postgres and Redis', () => {
  const adminUrl = process.env.DATABASE_URL!;
  const queuePrefix = `otklik-fault-${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-fault-'));
  let scratch: { url: string; name: string };
  let db: Client;
  let procs: Proc[] = [];

  const env = (extra: Record<string, string>) => ({
    ...process.env,
    APP_MODE: 'demo',
    DATABASE_URL: scratch.url,
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
    DATA_DIR: dataDir,
    SLA_TICK_SECONDS: '1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    HOST: '127.0.0.1',
    ...extra,
  });

  const spawnNode = (name: string, script: string, extra: Record<string, string>): Proc => {
    let log = '';
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'backend', 'src', script)], { cwd: ROOT, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20000)));
    child.stderr.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20000)));
    return { name, child, output: () => log };
  };

  /** Two HTTP-only API processes and two workers; resolves when all four are up. */
  const startCluster = async (): Promise<void> => {
    const apis: Proc[] = [];
    // The first API migrates and seeds alone; the rest start against a ready database.
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const api = spawnNode(`api-${i}`, 'main.js', { PORT: String(port), RUN_WORKER: 'false' });
      procs.push(api);
      apis.push(api);
      await waitReady(`http://127.0.0.1:${port}`, api.child, api.output);
    }
    const healthPorts: number[] = [];
    for (let i = 0; i < 2; i++) {
      healthPorts.push(await freePort());
      procs.push(spawnNode(`worker-${i}`, 'worker.js', { WORKER_HEALTH_PORT: String(healthPorts[i]) }));
    }
    // A worker announces itself by claiming ticks (one immediately at start-up, then BullMQ's).
    await until(async () => {
      for (const p of procs) if (p.child.exitCode !== null) throw new Error(`${p.name} exited with ${p.child.exitCode}:\n${p.output()}`);
      const workers = procs.filter((p) => p.name.startsWith('worker')).map((p) => `:${p.child.pid}`);
      const { rows } = await db.query<{ claimed_by: string }>(`SELECT DISTINCT claimed_by FROM scheduler_ticks`);
      return workers.every((w) => rows.some((r) => r.claimed_by.endsWith(w)));
    }, 60_000, 'both workers claiming ticks');
    // Each worker answers its orchestrator on its own small port: live, ready (database and Redis), metrics.
    for (const port of healthPorts) {
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ details: { database: { status: 'up' }, queue: { status: 'up' } } });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('otklik_process_cpu_seconds_total');
    }
  };

  const stopCluster = async (): Promise<void> => {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
            const kill = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
            p.child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            p.child.kill('SIGTERM');
          }),
      ),
    );
    procs = [];
  };

  /** Appeals registered ten days ago whose deadline passed an hour ago. */
  const insertDue = async (n: number, tag: string): Promise<void> => {
    await db.query(
      `INSERT INTO appeals (number, citizen_id, type, category_id, status, subject, body, department_id, registered_at, due_at, first_response_due_at)
       SELECT nextval('appeal_number_seq'), (SELECT id FROM users WHERE email = 'citizen@demo.otklik.local'), 'question',
              (SELECT id FROM categories WHERE code = 'tech'), 'registered', $2 || ' ' || g, 'Кластерный тест',
              (SELECT id FROM departments WHERE code = 'tech-support'),
              now() - interval '10 days', now() - interval '1 hour' - g * interval '1 second', now() - interval '9 days'
         FROM generate_series(1, $1::int) g`,
      [n, tag],
    );
  };

  /** Per appeal of a wave: how many rows of each kind the scheduler wrote. */
  const tally = async (tag: string) =>
    (
      await db.query(
        `SELECT count(*)::int AS appeals,
                count(*) FILTER (WHERE a.overdue AND a.escalated)::int AS marked,
                count(*) FILTER (WHERE h.overdue = 1 AND h.escalated = 1 AND o.n = 1 AND l.n = 1)::int AS exactly_once,
                count(*) FILTER (WHERE h.overdue > 1 OR h.escalated > 1 OR o.n > 1 OR l.n > 1)::int AS duplicated
           FROM appeals a
           CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE event = 'overdue') AS overdue, count(*) FILTER (WHERE event = 'escalated') AS escalated
                                 FROM appeal_history WHERE appeal_id = a.id) h
           CROSS JOIN LATERAL (SELECT count(*) AS n FROM outbox WHERE aggregate_id = a.id AND event_type = 'appeal.overdue') o
           CROSS JOIN LATERAL (SELECT count(*) AS n FROM audit_log WHERE entity_id = a.id::text AND action = 'appeal.overdue') l
          WHERE a.subject LIKE $1 || ' %'`,
        [tag],
      )
    ).rows[0] as { appeals: number; marked: number; exactly_once: number; duplicated: number };

  beforeAll(async () => {
    scratch = await createScratchDatabase(adminUrl, 'otklik_fault');
    db = new Client({ connectionString: scratch.url });
    await db.connect();
  });

  afterAll(async () => {
    await stopCluster();
    await db?.end();
    if (scratch) await dropScratchDatabase(adminUrl, scratch.name);
    await dropQueues(queuePrefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks every due appeal overdue exactly once, and catches up after all processes were down', async () => {
    await startCluster();
    await insertDue(FIRST_WAVE, 'wave-1');
    await until(async () => (await tally('wave-1')).marked === FIRST_WAVE, 60_000, 'first wave marked');
    // Let several more ticks pass on both workers: none may mark anything again.
    await new Promise((r) => setTimeout(r, 4000));
    expect(await tally('wave-1')).toEqual({ appeals: FIRST_WAVE, marked: FIRST_WAVE, exactly_once: FIRST_WAVE, duplicated: 0 });

    // Every tick slot was worked by one process, and both workers took part.
    const claims = (await db.query(`SELECT claimed_by, count(*)::int AS n FROM scheduler_ticks WHERE job = 'sla' GROUP BY claimed_by`)).rows;
    expect(claims.length).toBeGreaterThanOrEqual(2);
    const apiPids = procs.filter((p) => p.name.startsWith('api')).map((p) => `:${p.child.pid}`);
    expect(claims.filter((c) => apiPids.some((pid) => c.claimed_by.endsWith(pid)))).toEqual([]); // RUN_WORKER=false: HTTP only

    // Downtime: nothing runs while more deadlines pass.
    await stopCluster();
    const lastTick = (await db.query(`SELECT max(tick_at) AS at FROM scheduler_ticks WHERE job = 'sla'`)).rows[0].at as Date;
    await insertDue(DOWNTIME_WAVE, 'wave-2');
    await new Promise((r) => setTimeout(r, 2500));
    expect((await tally('wave-2')).marked).toBe(0);

    await startCluster();
    await until(async () => (await tally('wave-2')).marked === DOWNTIME_WAVE, 60_000, 'downtime wave caught up');
    await new Promise((r) => setTimeout(r, 3000));
    expect(await tally('wave-2')).toEqual({ appeals: DOWNTIME_WAVE, marked: DOWNTIME_WAVE, exactly_once: DOWNTIME_WAVE, duplicated: 0 });
    expect((await tally('wave-1')).duplicated).toBe(0);
    const resumed = (await db.query(`SELECT count(*)::int AS n FROM scheduler_ticks WHERE job = 'sla' AND tick_at > $1`, [lastTick])).rows[0].n;
    expect(resumed).toBeGreaterThan(0);
  }, 300_000);
});

async function until(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
