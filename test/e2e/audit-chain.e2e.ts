import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { personalDigestSql, rowHashSql } from '../../backend/src/modules/audit/audit-canonical';
import { chainHash, GENESIS, merkleRoot, verifyConsistency } from '../../backend/src/modules/audit/audit-merkle';
import { DEMO, raw, signedIn } from './support/api';
import { cliOnServer, serverCliEnv, runCli } from './support/cli';
import { fileAppeal } from './support/factories';
import { RunningServer, startServer, stopRunning } from './support/server';

/** The sealer's advisory lock (audit-chain.repository.ts): held here, no sealer appends while a test edits the chain. */
const SEAL_LOCK = 7212017;

type Report = { ok: boolean; checked: number; size: number; firstBroken: null | { problem: string; seq: number | null; rowId: string | null; around: { seq: number | null; rowId: string; row: unknown }[] } };

/**
 * On a server of its own (CLOCK_CONTROL mounts the seal-now route, and the tampering below must
 * not reach the shared server's database). The support helpers read the server's address from
 * the environment: pointed here for this file, and back afterwards.
 */
describe('audit: the tamper-evident chain', () => {
  let server: RunningServer;
  const saved = { base: process.env.OTKLIK_BASE_URL, db: process.env.OTKLIK_DATABASE_URL, dir: process.env.OTKLIK_DATA_DIR };
  let db: Client;
  let auditor: Awaited<ReturnType<typeof signedIn>>;

  const seal = async (checkpoint = true) => {
    const res = await raw(`/api/v1/test/audit/seal${checkpoint ? '' : '?checkpoint=false'}`, { method: 'POST' });
    expect(res.status).toBe(200);
    return res.body as { sealed: number; size: number; headHash: string; checkpoint: { size: number; merkleRoot: string } | null };
  };
  const verify = async (): Promise<Report> => {
    const res = await raw('/api/v1/audit/verify', { token: auditor.token });
    expect(res.status).toBe(200);
    return res.body as Report;
  };
  const link = async (seq: number) => (await db.query(`SELECT seq::int, row_id::text, row_txid::text, row_hash, chain_hash FROM audit_chain WHERE seq = $1`, [seq])).rows[0];
  /** As a superuser past the triggers (session_replication_role = replica): what only an intruder can do. */
  const asIntruder = async <T>(work: () => Promise<T>): Promise<T> => {
    await db.query(`SET session_replication_role = replica`);
    try {
      return await work();
    } finally {
      await db.query(`SET session_replication_role = DEFAULT`);
    }
  };
  // The CLI with the server's answer-signing key (the demo key in its DATA_DIR), so it verifies the server's checkpoints.
  const cliEnv = () => ({ ...serverCliEnv(), ANSWER_SIGNING_KEY: join(process.env.OTKLIK_DATA_DIR!, 'answer-signing-key.pem') });

  beforeAll(async () => {
    server = await startServer({ CLOCK_CONTROL: 'true' });
    Object.assign(process.env, { OTKLIK_BASE_URL: server.baseUrl, OTKLIK_DATABASE_URL: server.databaseUrl, OTKLIK_DATA_DIR: server.dataDir });
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    auditor = await signedIn(DEMO.auditor);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    if (server) await stopRunning(server);
    for (const [name, value] of [['OTKLIK_BASE_URL', saved.base], ['OTKLIK_DATABASE_URL', saved.db], ['OTKLIK_DATA_DIR', saved.dir]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('the application role cannot UPDATE, DELETE or TRUNCATE audit rows (the privilege refuses before the trigger)', async () => {
    await fileAppeal(await signedIn(DEMO.citizen));
    await db.query('BEGIN');
    try {
      await db.query('SET LOCAL ROLE otklik_app');
      await db.query('SAVEPOINT s');
      for (const sql of [
        `UPDATE audit_log SET action = 'x' WHERE id = (SELECT min(id) FROM audit_log)`,
        `DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`,
        `TRUNCATE audit_log`,
        `UPDATE audit_chain SET row_hash = row_hash WHERE seq = 1`,
        `DELETE FROM audit_checkpoints`,
      ]) {
        await expect(db.query(sql)).rejects.toThrow(/permission denied/);
        await db.query('ROLLBACK TO SAVEPOINT s');
      }
      // What the app does need still works under the role: it writes and reads rows.
      expect((await db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBeGreaterThan(0);
    } finally {
      await db.query('ROLLBACK');
    }
    // The trigger stays as the second guard, for the owner too.
    await expect(db.query(`TRUNCATE audit_chain`)).rejects.toThrow(/append-only/);
  });

  it('seals rows into the chain and signs checkpoints; auditors and admins verify, others may not', async () => {
    await fileAppeal(await signedIn(DEMO.citizen));
    const sealed = await seal();
    expect(sealed.size).toBeGreaterThan(0);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstBroken: null });
    expect(report.checked).toBeGreaterThanOrEqual(sealed.size);
    expect((await raw('/api/v1/audit/verify', { token: (await signedIn(DEMO.admin)).token })).status).toBe(200);
    for (const who of [DEMO.citizen, DEMO.operator, DEMO.supervisor]) {
      expect((await raw('/api/v1/audit/verify', { token: (await signedIn(who)).token })).status).toBe(403);
      expect((await raw('/api/v1/audit/checkpoints', { token: (await signedIn(who)).token })).status).toBe(403);
    }
    expect((await raw('/api/v1/audit/verify?from=0', { token: auditor.token })).status).toBe(422);
    expect((await raw('/api/v1/audit/verify?to=abc', { token: auditor.token })).status).toBe(422);
    const backwards = await raw('/api/v1/audit/verify?from=5&to=2', { token: auditor.token });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'from', code: 'from_after_to' });
  });

  it('a row of a transaction that commits after later rows is sealed when it commits, never skipped', async () => {
    await seal(false);
    const late = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await late.connect();
    try {
      await late.query('BEGIN');
      const [{ id }] = (await late.query(`INSERT INTO audit_log (actor_role, action, entity_type) VALUES ('system', 'test.late_commit', 'test') RETURNING id::text`)).rows;
      await fileAppeal(await signedIn(DEMO.citizen)); // rows with higher ids, committed first
      await seal(false);
      expect((await db.query(`SELECT count(*)::int AS n FROM audit_chain WHERE row_id = $1`, [id])).rows[0].n).toBe(0);
      await late.query('COMMIT');
      // Sealed by the first pass whose snapshot sees no older transaction still open. The horizon
      // is the whole cluster's, so another database's open transaction (a shared CI server) can
      // hold it back a moment: passes are repeated for a few seconds, the row must come once.
      const sealedOnce = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_chain WHERE row_id = $1`, [id])).rows[0].n as number;
      for (const deadline = Date.now() + 10_000; (await sealedOnce()) === 0 && Date.now() < deadline; ) await seal(false);
      expect(await sealedOnce()).toBe(1);
    } finally {
      await late.end();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('exports signed checkpoints with an RFC 6962 consistency proof between two of them', async () => {
    await fileAppeal(await signedIn(DEMO.citizen));
    const first = (await seal()).checkpoint!;
    await fileAppeal(await signedIn(DEMO.citizen));
    const second = (await seal()).checkpoint!;
    expect(second.size).toBeGreaterThan(first.size);
    const list = await raw('/api/v1/audit/checkpoints?limit=5', { token: auditor.token });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ size: second.size, merkleRoot: second.merkleRoot, keyId: expect.stringMatching(/^rsa-/), signature: expect.stringMatching(/^[\w-]+\.\.[\w-]+$/) });

    const res = await raw(`/api/v1/audit/checkpoints/consistency?from=${first.size}&to=${second.size}`, { token: auditor.token });
    expect(res.status).toBe(200);
    const proof = (res.body.proof as string[]).map((p) => Buffer.from(p, 'hex'));
    const [a, b] = [Buffer.from(res.body.from.merkleRoot, 'hex'), Buffer.from(res.body.to.merkleRoot, 'hex')];
    expect(verifyConsistency(first.size, second.size, a, b, proof)).toBe(true);
    expect(verifyConsistency(first.size, second.size, b, b, proof)).toBe(false);
    // The root is the RFC 6962 tree over the stored row hashes; the head the chain over them.
    const hashes = (await db.query(`SELECT row_hash FROM audit_chain WHERE seq <= $1 ORDER BY seq`, [second.size])).rows.map((r) => r.row_hash as Buffer);
    expect(merkleRoot(hashes).toString('hex')).toBe(second.merkleRoot);
    expect(hashes.reduce((h, r) => chainHash(h, r), GENESIS).toString('hex')).toBe(res.body.to.headHash);

    expect((await raw(`/api/v1/audit/checkpoints/consistency?from=${second.size}&to=${first.size}`, { token: auditor.token })).status).toBe(422);
    expect((await raw(`/api/v1/audit/checkpoints/consistency?from=${first.size}&to=${second.size + 1000000}`, { token: auditor.token })).status).toBe(404);
    expect((await raw(`/api/v1/audit/checkpoints/consistency?from=x&to=1`, { token: auditor.token })).status).toBe(422);
  });

  describe('tampering by a superuser past the triggers', () => {
    let s: number;
    beforeAll(async () => {
      await fileAppeal(await signedIn(DEMO.citizen));
      await seal();
      await db.query(`SELECT pg_advisory_lock($1)`, [SEAL_LOCK]);
      const size = (await db.query(`SELECT max(seq)::int AS n FROM audit_chain`)).rows[0].n as number;
      s = size - 3;
    });
    afterAll(async () => {
      await db.query(`SELECT pg_advisory_unlock($1)`, [SEAL_LOCK]);
    });
    afterEach(async () => expect((await verify()).ok).toBe(true));

    it('an edited row is named, with the rows around it', async () => {
      const { row_id } = await link(s);
      const [{ action }] = (await db.query(`SELECT action FROM audit_log WHERE id = $1`, [row_id])).rows;
      await asIntruder(() => db.query(`UPDATE audit_log SET action = 'forged' WHERE id = $1`, [row_id]));
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.firstBroken).toMatchObject({ problem: 'row_altered', seq: s, rowId: row_id });
      expect(report.firstBroken!.around.map((r) => r.seq)).toEqual([s - 2, s - 1, s, s + 1, s + 2]);
      await asIntruder(() => db.query(`UPDATE audit_log SET action = $2 WHERE id = $1`, [row_id, action]));
    });

    it('a deleted row is named', async () => {
      const { row_id } = await link(s);
      await db.query(`CREATE TEMP TABLE deleted_row AS SELECT * FROM audit_log WHERE id = $1`, [row_id]);
      await asIntruder(() => db.query(`DELETE FROM audit_log WHERE id = $1`, [row_id]));
      const report = await verify();
      expect(report.firstBroken).toMatchObject({ problem: 'row_missing', seq: s, rowId: row_id });
      expect(report.firstBroken!.around.find((r) => r.seq === s)!.row).toBeNull();
      await asIntruder(() => db.query(`INSERT INTO audit_log SELECT * FROM deleted_row`));
    });

    it('reordered links are caught', async () => {
      const [x, y] = [await link(s), await link(s + 1)];
      const swap = (a: typeof x, b: typeof x) =>
        asIntruder(async () => {
          await db.query(`UPDATE audit_chain SET row_id = -1 WHERE seq = $1`, [a.seq]);
          await db.query(`UPDATE audit_chain SET row_id = $2, row_txid = $3, row_hash = $4 WHERE seq = $1`, [b.seq, a.row_id, a.row_txid, a.row_hash]);
          await db.query(`UPDATE audit_chain SET row_id = $2, row_txid = $3, row_hash = $4 WHERE seq = $1`, [a.seq, b.row_id, b.row_txid, b.row_hash]);
        });
      await swap(x, y);
      expect((await verify()).firstBroken).toMatchObject({ problem: 'link_broken', seq: s });
      await swap({ ...x, row_id: y.row_id, row_txid: y.row_txid, row_hash: y.row_hash }, { ...y, row_id: x.row_id, row_txid: x.row_txid, row_hash: x.row_hash });
    });

    it('a row inserted behind the chain (backdated past the sealer) is named', async () => {
      const { row_txid } = await link(1);
      const [{ id }] = (
        await asIntruder(() => db.query(`INSERT INTO audit_log (txid, actor_role, action, entity_type) VALUES ($1, 'admin', 'forged.insert', 'test') RETURNING id::text`, [row_txid]))
      ).rows;
      const report = await verify();
      expect(report.firstBroken).toMatchObject({ problem: 'row_not_sealed', seq: null, rowId: id });
      expect(report.firstBroken!.around[0]).toMatchObject({ rowId: id, row: { action: 'forged.insert' } });
      await asIntruder(() => db.query(`DELETE FROM audit_log WHERE id = $1`, [id]));
    });

    it('a tail rewritten with recomputed hashes passes on its own, and is caught by a checkpoint exported earlier', async () => {
      const exported = (await raw('/api/v1/audit/checkpoints', { token: auditor.token })).body;
      const file = join(mkdtempSync(join(tmpdir(), 'otklik-audit-')), 'checkpoints.json');
      writeFileSync(file, JSON.stringify(exported));
      const before = runCli(['audit:verify', '--checkpoints', file], cliEnv());
      expect({ status: before.status, out: before.out }).toMatchObject({ status: 0 });

      const { row_id } = await link(s);
      const [{ action }] = (await db.query(`SELECT action FROM audit_log WHERE id = $1`, [row_id])).rows;
      const tail = (await db.query(`SELECT seq::int, row_hash, chain_hash FROM audit_chain WHERE seq >= $1 ORDER BY seq`, [s])).rows;
      const checkpoints = (await db.query(`SELECT * FROM audit_checkpoints WHERE size >= $1`, [s])).rows;
      const rewrite = async () => {
        await db.query(`UPDATE audit_log SET action = 'forged' WHERE id = $1`, [row_id]);
        await db.query(`UPDATE audit_chain c SET row_hash = ${rowHashSql('a')} FROM audit_log a WHERE a.id = c.row_id AND c.seq = $1`, [s]);
        let previous = (await link(s - 1)).chain_hash as Buffer;
        for (const l of (await db.query(`SELECT seq::int, row_hash FROM audit_chain WHERE seq >= $1 ORDER BY seq`, [s])).rows) {
          previous = chainHash(previous, l.row_hash);
          await db.query(`UPDATE audit_chain SET chain_hash = $2 WHERE seq = $1`, [l.seq, previous]);
        }
        // The signed checkpoints that would give it away are dropped (they cannot be re-signed).
        await db.query(`DELETE FROM audit_checkpoints WHERE size >= $1`, [s]);
      };
      await asIntruder(rewrite);
      expect(await verify()).toMatchObject({ ok: true });
      const caught = runCli(['audit:verify', '--checkpoints', file], cliEnv());
      expect(caught.status).toBe(1);
      expect(caught.out).toMatch(/"problem": "checkpoint_mismatch"/);
      expect(caught.out).toMatch(/audit chain broken: checkpoint_mismatch/);

      await asIntruder(async () => {
        await db.query(`UPDATE audit_log SET action = $2 WHERE id = $1`, [row_id, action]);
        for (const l of tail) await db.query(`UPDATE audit_chain SET row_hash = $2, chain_hash = $3 WHERE seq = $1`, [l.seq, l.row_hash, l.chain_hash]);
        for (const c of checkpoints) {
          await db.query(`INSERT INTO audit_checkpoints (size, head_hash, merkle_root, frontier, created_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
            c.size,
            c.head_hash,
            c.merkle_root,
            c.frontier,
            c.created_at,
            c.key_id,
            c.signature,
          ]);
        }
      });
    });

    it('a stored checkpoint altered without its key is named', async () => {
      const [c] = (await db.query(`SELECT size::int, head_hash FROM audit_checkpoints ORDER BY size LIMIT 1`)).rows;
      await asIntruder(() => db.query(`UPDATE audit_checkpoints SET head_hash = sha256(head_hash) WHERE size = $1`, [c.size]));
      expect((await verify()).firstBroken).toMatchObject({ problem: 'checkpoint_invalid', seq: c.size });
      await asIntruder(() => db.query(`UPDATE audit_checkpoints SET head_hash = $2 WHERE size = $1`, [c.size, c.head_hash]));
    });

    it('a tail cut off is caught by a checkpoint beyond the chain', async () => {
      const head = (await db.query(`SELECT max(seq)::int AS n FROM audit_chain`)).rows[0].n as number;
      const last = await link(head);
      await asIntruder(() => db.query(`DELETE FROM audit_chain WHERE seq = $1`, [head]));
      // The head was checkpointed when this block began (nothing has been sealed since: the lock is held).
      expect((await verify()).firstBroken).toMatchObject({ problem: 'checkpoint_beyond_chain' });
      await asIntruder(() => db.query(`INSERT INTO audit_chain (seq, row_id, row_txid, row_hash, chain_hash) VALUES ($1, $2, $3, $4, $5)`, [head, last.row_id, last.row_txid, last.row_hash, last.chain_hash]));
    });
  });

  it('personal data in an audit row is masked without breaking the chain; the masked value stays committed', async () => {
    await signedIn(DEMO.citizen); // a sign-in: an audit row with the IP and user agent
    await seal(false);
    const [row] = (await db.query(`SELECT id::text, ip, user_agent FROM audit_log WHERE ip IS NOT NULL AND user_agent IS NOT NULL AND redacted IS NULL ORDER BY id DESC LIMIT 1`)).rows;
    const [{ before }] = (await db.query(`SELECT ${personalDigestSql('ip')} AS before FROM audit_log a WHERE id = $1`, [row.id])).rows;
    const out = cliOnServer(['audit:redact', '--row', row.id, '--fields', 'ip,user_agent']);
    expect({ status: out.status, out: out.out }).toMatchObject({ status: 0 });
    expect(JSON.parse(out.out.trim().split('\n').pop()!)).toEqual({ rows: 1, masked: 2 });
    const [after] = (await db.query(`SELECT ip, user_agent, salt, redacted FROM audit_log WHERE id = $1`, [row.id])).rows;
    expect(after).toMatchObject({ ip: null, user_agent: null, redacted: { ip: before, user_agent: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(after.salt).toBeNull(); // nothing personal left in the row: the salt goes too
    expect(await verify()).toMatchObject({ ok: true });
    // The committed digest cannot be swapped for another value's.
    await db.query(`SELECT pg_advisory_lock($1)`, [SEAL_LOCK]);
    try {
      await asIntruder(() => db.query(`UPDATE audit_log SET redacted = jsonb_set(redacted, '{ip}', to_jsonb(repeat('0', 64))) WHERE id = $1`, [row.id]));
      expect((await verify()).firstBroken).toMatchObject({ problem: 'row_altered', rowId: row.id });
      await asIntruder(() => db.query(`UPDATE audit_log SET redacted = $2 WHERE id = $1`, [row.id, after.redacted]));
      expect((await verify()).ok).toBe(true);
    } finally {
      await db.query(`SELECT pg_advisory_unlock($1)`, [SEAL_LOCK]);
    }
    // audit_redact is the only way in: the application role still cannot update the row itself.
    await db.query('BEGIN');
    await db.query('SET LOCAL ROLE otklik_app');
    await expect(db.query(`UPDATE audit_log SET ip = '1.2.3.4' WHERE id = $1`, [row.id])).rejects.toThrow(/permission denied/);
    await db.query('ROLLBACK');
  });

  describe('monthly partitions', () => {
    /** The partition of a month `offset` months from now, by the database's clock (UTC months). */
    const partitionOf = async (offset: number) =>
      (await db.query(`SELECT 'audit_log_p' || to_char((date_trunc('month', now(), 'UTC') + make_interval(months => $1)) AT TIME ZONE 'UTC', 'YYYYMM') AS name`, [offset])).rows[0].name as string;
    const partitions = async () => (await db.query(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass ORDER BY 1`)).rows.map((r) => r.relname as string);
    const partitionOfRow = async (id: string) => (await db.query(`SELECT tableoid::regclass::text AS part FROM audit_log WHERE id = $1`, [id])).rows[0]?.part as string | undefined;

    it('audit_log is partitioned by month: this month and the next three exist ahead, with a default; the app role has no rights on a partition', async () => {
      const expected = await Promise.all([0, 1, 2, 3].map(partitionOf));
      expect(await partitions()).toEqual(expect.arrayContaining([...expected, 'audit_log_default']));
      // Idempotent: by hand (the sealer runs it hourly) nothing more is created.
      const out = cliOnServer(['audit:partitions']);
      expect({ status: out.status, out: out.out }).toMatchObject({ status: 0 });
      const report = JSON.parse(out.out.slice(out.out.indexOf('{')));
      expect(report.created).toEqual([]);
      expect(report.partitions.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining([...expected, 'audit_log_default']));
      // A month missing ahead (here: the farthest, dropped by the owner while empty) is made again by the sealer's run.
      // The parent first (every partition with it), as a sealer or writer would lock them: no deadlock with one.
      await db.query(`BEGIN; LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE; DROP TABLE ${expected[3]}; COMMIT`);
      expect(await partitions()).not.toContain(expected[3]);
      await seal(false);
      expect(await partitions()).toContain(expected[3]);

      await db.query('BEGIN');
      try {
        await db.query('SET LOCAL ROLE otklik_app');
        await db.query('SAVEPOINT s');
        for (const sql of [`SELECT count(*) FROM ${expected[0]}`, `DELETE FROM ${expected[0]}`, `UPDATE audit_log_default SET action = 'x'`, `TRUNCATE ${expected[1]}`, `SELECT audit_log_ensure_partitions(0)`]) {
          if (sql.includes('ensure')) {
            // The app role may run the maintenance function (SECURITY DEFINER), nothing else on the partitions.
            await expect(db.query(sql)).resolves.toBeDefined();
            continue;
          }
          await expect(db.query(sql)).rejects.toThrow(/permission denied/);
          await db.query('ROLLBACK TO SAVEPOINT s');
        }
        // Through the parent, as the app does: insert and read.
        expect((await db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBeGreaterThan(0);
      } finally {
        await db.query('ROLLBACK');
      }
      // The triggers guard each partition too, for the owner.
      await expect(db.query(`TRUNCATE ${expected[0]}`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM ${expected[0]} WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
    });

    it("a row lands in the partition of its database time, whatever the application's clock says; verify passes across a month boundary", async () => {
      // The application's clock a month and a half ahead: business dates move, the audit row's time (the partition key) does not.
      expect((await raw('/api/v1/test/clock', { method: 'PUT', body: JSON.stringify({ offsetMs: 45 * 86_400_000 }) })).status).toBe(200);
      let appealId: string;
      try {
        appealId = (await fileAppeal(await signedIn(DEMO.citizen))).id;
      } finally {
        await raw('/api/v1/test/clock', { method: 'PUT', body: JSON.stringify({ offsetMs: 0 }) });
      }
      const [filed] = (await db.query(`SELECT id::text, occurred_at > now() - interval '1 hour' AS recent FROM audit_log WHERE entity_id = $1 AND action = 'appeal.submitted'`, [appealId])).rows;
      expect(filed.recent).toBe(true);
      expect(await partitionOfRow(filed.id)).toBe(await partitionOf(0));

      // Rows either side of the month boundary and one far beyond the partitions made ahead (the
      // default partition): written as the database would at those instants.
      const at = async (when: string) =>
        (await db.query(`INSERT INTO audit_log (actor_role, action, entity_type, occurred_at, ip) VALUES ('system', 'test.partition', 'test', ${when}, '192.0.2.1') RETURNING id::text`)).rows[0].id as string;
      const lastOfMonth = await at(`date_trunc('month', now(), 'UTC') + interval '1 month' - interval '1 microsecond'`);
      const firstOfNext = await at(`date_trunc('month', now(), 'UTC') + interval '1 month'`);
      const farAhead = await at(`now() + interval '5 years'`);
      expect(await partitionOfRow(lastOfMonth)).toBe(await partitionOf(0));
      expect(await partitionOfRow(firstOfNext)).toBe(await partitionOf(1));
      expect(await partitionOfRow(farAhead)).toBe('audit_log_default');

      const sealed = await seal();
      const links = (await db.query(`SELECT row_id::text FROM audit_chain WHERE row_id = ANY($1::bigint[])`, [[lastOfMonth, firstOfNext, farAhead]])).rows;
      expect(links).toHaveLength(3);
      expect(await verify()).toMatchObject({ ok: true, size: sealed.size, firstBroken: null });

      // Masking works in any partition (the append-only trigger fires with the partition's name) and keeps the chain.
      const out = cliOnServer(['audit:redact', '--row', firstOfNext, '--fields', 'ip']);
      expect({ status: out.status, out: out.out }).toMatchObject({ status: 0 });
      expect((await db.query(`SELECT ip, redacted ? 'ip' AS masked FROM audit_log WHERE id = $1`, [firstOfNext])).rows[0]).toEqual({ ip: null, masked: true });
      expect(await verify()).toMatchObject({ ok: true });

      // An edit in the next month's partition is still named by verify.
      await db.query(`SELECT pg_advisory_lock($1)`, [SEAL_LOCK]);
      try {
        await asIntruder(() => db.query(`UPDATE audit_log SET action = 'test.rewritten' WHERE id = $1`, [firstOfNext]));
        expect((await verify()).firstBroken).toMatchObject({ problem: 'row_altered', rowId: firstOfNext });
        await asIntruder(() => db.query(`UPDATE audit_log SET action = 'test.partition' WHERE id = $1`, [firstOfNext]));
        expect((await verify()).ok).toBe(true);
      } finally {
        await db.query(`SELECT pg_advisory_unlock($1)`, [SEAL_LOCK]);
      }
    });
  });

  it('cli audit:checkpoints exports what the API exports, and audit:verify reports the chain', async () => {
    await seal();
    const exported = cliOnServer(['audit:checkpoints', '--limit', '3']);
    expect({ status: exported.status, out: exported.out }).toMatchObject({ status: 0 });
    const items = JSON.parse(exported.out.slice(exported.out.indexOf('{'))).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toEqual((await raw('/api/v1/audit/checkpoints?limit=1', { token: auditor.token })).body.items[0]);
    const verified = runCli(['audit:verify', '--from', '2'], cliEnv());
    expect(verified.status).toBe(0);
    expect(verified.out).toMatch(/"ok": true/);
  });
});
