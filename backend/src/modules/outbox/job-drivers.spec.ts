import type { Queue } from 'bullmq';
import { BullMqJobDriver, groupsOf, keysOf as keysOfJob } from './bullmq-job-driver';
import type { DeliveryKey, DeliveryOutcome, EventDeliveries } from './event-deliveries.service';
import { InlineJobDriver } from './inline-job-driver';

const keysOf = (consumer: string, from: number, count: number): DeliveryKey[] =>
  Array.from({ length: count }, (_, i) => ({ eventId: String(from + i), consumer, dueAt: 1_000 }));

describe('BullMqJobDriver.dispatch (jobs of a relay pass)', () => {
  const jobsFor = async (keys: DeliveryKey[]) => {
    const addBulk = jest.fn().mockResolvedValue([]);
    const sut = new BullMqJobDriver({ addBulk } as unknown as Queue);
    await sut.dispatch(keys);
    const jobs = (addBulk.mock.calls[0]?.[0] ?? []) as { name: string; data: Parameters<typeof keysOfJob>[0]; opts: { jobId: string } }[];
    return jobs.map((j) => ({ ...j, keys: keysOfJob(j.data) }));
  };

  it("puts every consumer's deliveries of a pass in one job, grouped by consumer", async () => {
    const pass = [...keysOf('notifications', 1, 2), ...keysOf('reporting.rollups', 1, 2), ...keysOf('webhooks', 1, 2)];
    const jobs = await jobsFor([pass[0], pass[2], pass[4], pass[1], pass[3], pass[5]]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].keys.map((k) => `${k.consumer}/${k.eventId}`)).toEqual(pass.map((k) => `${k.consumer}/${k.eventId}`));
  });

  it('caps each consumer, not the job: a burst gives every consumer full batches, each delivery in one job', async () => {
    const jobs = await jobsFor([...keysOf('notifications', 1, 1200), ...keysOf('reporting.rollups', 1, 600)]);
    const perJob = jobs.map((j) => ({
      notifications: j.keys.filter((k) => k.consumer === 'notifications').length,
      rollups: j.keys.filter((k) => k.consumer === 'reporting.rollups').length,
    }));
    expect(perJob).toEqual([
      { notifications: 500, rollups: 500 },
      { notifications: 500, rollups: 100 },
      { notifications: 200, rollups: 0 },
    ]);
    expect(new Set(jobs.map((j) => j.opts.jobId)).size).toBe(3);
  });

  it('stores a job as each consumer\'s event ids and due times, and reads back every key as it was', async () => {
    const keys = [...keysOf('notifications', 7, 3), { eventId: '9', consumer: 'webhooks', dueAt: 2_500 }];
    const data = groupsOf(keys);
    expect(data).toEqual({ groups: [{ consumer: 'notifications', eventIds: ['7', '8', '9'], dueAt: [1_000, 1_000, 1_000] }, { consumer: 'webhooks', eventIds: ['9'], dueAt: [2_500] }] });
    expect(keysOfJob(JSON.parse(JSON.stringify(data)))).toEqual(keys);
  });

  it('still runs the jobs an earlier version queued: a list of keys, or one key (a retry)', () => {
    const keys = keysOf('notifications', 1, 2);
    expect(keysOfJob({ keys })).toEqual(keys);
    expect(keysOfJob(keys[0])).toEqual([keys[0]]);
  });

  it('adds nothing for an empty pass', async () => {
    expect(await jobsFor([])).toEqual([]);
  });
});

describe('InlineJobDriver (batches of the in-process runner)', () => {
  it("does not cut a consumer's run of keys over two runners", async () => {
    const batches: string[][] = [];
    const runBatch = jest.fn(async (keys: DeliveryKey[]): Promise<DeliveryOutcome[]> => {
      batches.push(keys.map((k) => `${k.consumer}/${k.eventId}`));
      return keys.map(() => ({ outcome: 'done' }));
    });
    const sut = new InlineJobDriver({ runBatch } as unknown as EventDeliveries);
    // A relay pass of three filings: three keys for each of four consumers.
    await sut.dispatch(['a', 'b', 'c', 'd'].flatMap((consumer) => keysOf(consumer, 1, 3)));
    await sut.close();
    expect(batches).toEqual([
      ['a/1', 'a/2', 'a/3', 'b/1', 'b/2', 'b/3'],
      ['c/1', 'c/2', 'c/3', 'd/1', 'd/2', 'd/3'],
    ]);
  });
});
