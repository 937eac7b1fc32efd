import { AnswerResult } from '../../shared/domain';
import { EventDeliveries } from '../../backend/src/modules/outbox/event-deliveries.service';
import { AppealRollups, RollupRebuild } from '../../backend/src/modules/reporting/appeal-rollups.service';
import { appeal, World, worldOfFile } from './support/workflow';

/**
 * The rollups consumer under concurrent batches (CONVENTIONS.md #18): the outbox runner's jobs run
 * side by side, each with a batch of `reporting.rollups`; the consumer coalesces them into one
 * refresh at a time per process. Whatever the merging, every batch's deliveries must end done and
 * the rollups must equal what `reports:rebuild` derives from the appeals.
 */
const world = worldOfFile();

const ROLLUP_TABLES = ['report_daily', 'report_daily_summary', 'report_intake_hours', 'report_durations', 'report_assignee_daily', 'report_appeal_facts'];

/** Every rollup row (without its serial id and updated_at, which a rebuild draws anew), as sorted JSON lines per table. */
async function rollups(w: World): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ROLLUP_TABLES) {
    const rows = await w.db.query<{ row: string }[]>(`SELECT (to_jsonb(t) - 'id' - 'updated_at')::text AS row FROM ${table} t`);
    out[table] = rows.map((r) => r.row).sort();
  }
  return out;
}

/** The deliveries of `reporting.rollups` for every outbox event (the relay's rows; the CLI process relays nothing). */
async function rollupDeliveries(w: World): Promise<{ eventId: string; consumer: string; appealId: string }[]> {
  await w.db.query(
    `INSERT INTO event_deliveries (event_id, consumer, event_type)
     SELECT id, 'reporting.rollups', event_type FROM outbox WHERE aggregate_type = 'appeal' ON CONFLICT DO NOTHING`,
  );
  const rows = await w.db.query<{ event_id: string; aggregate_id: string }[]>(
    `SELECT d.event_id::text AS event_id, o.aggregate_id FROM event_deliveries d JOIN outbox o ON o.id = d.event_id
      WHERE d.consumer = 'reporting.rollups' AND d.status = 'pending' ORDER BY d.event_id`,
  );
  return rows.map((r) => ({ eventId: r.event_id, consumer: 'reporting.rollups', appealId: r.aggregate_id }));
}

/** Counts the refreshes and how many ran at once. */
function watchRefreshes(w: World, fail: (ids: readonly string[]) => boolean = () => false) {
  const refresher = w.app.get(AppealRollups);
  const original = refresher.refresh.bind(refresher);
  const seen = { calls: 0, running: 0, most: 0, appeals: [] as number[] };
  const spy = jest.spyOn(refresher, 'refresh').mockImplementation(async (ids, also, neighbours) => {
    seen.calls++;
    seen.appeals.push(new Set(ids).size);
    seen.running++;
    seen.most = Math.max(seen.most, seen.running);
    try {
      if (fail(ids)) throw new Error('refresh failed on purpose');
      return await original(ids, also, neighbours);
    } finally {
      seen.running--;
    }
  });
  return { seen, restore: () => spy.mockRestore() };
}

describe('rollups consumer: concurrent batches', () => {
  it('batches of the same appeals run side by side: one refresh at a time, every delivery done, the rollups equal a rebuild', async () => {
    const w = world();
    const filed = [];
    for (let i = 0; i < 6; i++) filed.push(await appeal(w).registered().build());
    for (let i = 0; i < 4; i++) filed.push(await appeal(w).assignedTo('operator').build());
    for (let i = 0; i < 3; i++) filed.push(await appeal(w).takenBy('operator').answered(AnswerResult.Done).build());
    const deliveries = await rollupDeliveries(w);
    expect(new Set(deliveries.map((d) => d.appealId)).size).toBe(filed.length);
    expect(deliveries.length).toBeGreaterThan(filed.length);

    // Eight batches dealt round-robin: an appeal's events land in several batches at once.
    const batches: (typeof deliveries)[] = Array.from({ length: 8 }, () => []);
    deliveries.forEach((d, i) => batches[i % batches.length].push(d));
    expect(batches.every((b) => b.length >= 2)).toBe(true);
    const { seen, restore } = watchRefreshes(w);
    let outcomes;
    try {
      outcomes = await Promise.all(batches.map((b) => w.app.get(EventDeliveries).runBatch(b.map(({ eventId, consumer }) => ({ eventId, consumer })))));
    } finally {
      restore();
    }
    expect(outcomes.flat().map((o) => o.outcome)).toEqual(deliveries.map(() => 'done'));
    const [{ left }] = await w.db.query<{ left: number }[]>(`SELECT count(*)::int AS left FROM event_deliveries WHERE consumer = 'reporting.rollups' AND status <> 'done'`);
    expect(left).toBe(0);
    // Coalesced: never two refreshes at once in the process, and fewer refreshes than batches.
    expect(seen.most).toBe(1);
    expect(seen.calls).toBeLessThan(batches.length);
    expect(Math.max(...seen.appeals)).toBeGreaterThan(new Set(batches[0].map((d) => d.appealId)).size - 1);

    const consumed = await rollups(w);
    expect(consumed.report_appeal_facts).toHaveLength(filed.length);
    expect(consumed.report_daily.length).toBeGreaterThan(0);
    await w.app.get(RollupRebuild).run({ resume: false, chunk: 4, progress: () => undefined });
    expect(await rollups(w)).toEqual(consumed);
  }, 60_000);

  it('a refresh that fails for one appeal fails only the batches holding it; the others are done and counted', async () => {
    const w = world();
    const good = [await appeal(w).registered().build(), await appeal(w).registered().build()];
    const bad = await appeal(w).registered().build();
    const deliveries = (await rollupDeliveries(w)).filter((d) => [...good, bad].some((a) => a.id === d.appealId));
    const withBad = deliveries.filter((d) => d.appealId === bad.id);
    const without = deliveries.filter((d) => d.appealId !== bad.id);
    expect(withBad.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(1);
    const before = await rollups(w);

    const { seen, restore } = watchRefreshes(w, (ids) => ids.includes(bad.id));
    let outcomes;
    try {
      // A batch of the good appeals alone and, beside it, one that also holds the bad appeal's events.
      outcomes = await Promise.all([
        w.app.get(EventDeliveries).runBatch(without.slice(0, 1).concat(withBad).map(({ eventId, consumer }) => ({ eventId, consumer }))),
        w.app.get(EventDeliveries).runBatch(without.slice(1).map(({ eventId, consumer }) => ({ eventId, consumer }))),
      ]);
    } finally {
      restore();
    }
    expect(seen.most).toBe(1);
    const byEvent = new Map(
      [...without.slice(0, 1), ...withBad, ...without.slice(1)].map((d, i) => [d.eventId, outcomes.flat()[i].outcome] as const),
    );
    for (const d of without) expect(byEvent.get(d.eventId)).toBe('done');
    for (const d of withBad) expect(byEvent.get(d.eventId)).toBe('retry');
    const status = await w.db.query<{ event_id: string; status: string }[]>(
      `SELECT event_id::text, status FROM event_deliveries WHERE consumer = 'reporting.rollups' AND event_id = ANY($1::bigint[])`,
      [deliveries.map((d) => d.eventId)],
    );
    expect(Object.fromEntries(status.map((s) => [s.event_id, s.status]))).toEqual(Object.fromEntries(deliveries.map((d) => [d.eventId, d.appealId === bad.id ? 'pending' : 'done'])));
    const facts = await w.db.query<{ appeal_id: string }[]>(`SELECT appeal_id FROM report_appeal_facts WHERE appeal_id = ANY($1::uuid[])`, [[...good, bad].map((a) => a.id)]);
    expect(facts.map((f) => f.appeal_id).sort()).toEqual(good.map((a) => a.id).sort());
    expect(before.report_appeal_facts.length + 2).toBe((await rollups(w)).report_appeal_facts.length);
  }, 60_000);
});
