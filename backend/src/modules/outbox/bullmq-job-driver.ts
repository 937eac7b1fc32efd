import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DOMAIN_EVENTS_QUEUE } from './domain-event';
import { DeliveryKey, EventDeliveries } from './event-deliveries.service';
import { JobDriver } from './job-driver';

const jobOf = (key: DeliveryKey, delay = 0) => ({
  name: key.consumer,
  data: key,
  opts: {
    // One job per attempt: a re-dispatch of the same attempt (the sweep) is dropped by BullMQ.
    jobId: `d-${key.eventId}-${key.consumer}-${key.dueAt}`,
    delay,
    // Retries are ours (next_attempt_at in the database), not BullMQ's: one bookkeeping for both drivers.
    attempts: 1,
    removeOnComplete: { age: 24 * 3600, count: 10000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});

/**
 * Deliveries of one consumer that one queue job carries at most. A job carries every consumer's
 * deliveries of a relay pass (up to JOB_BATCH each): the claim, the mark and BullMQ's own round
 * trips (take, finish) are shared by all of a filing's consumers instead of paid once per consumer
 * (a filing's event has four: a job per consumer was four jobs, claims and marks a pass; the
 * worker's bookkeeping went from 7–8 statements a pass to 2, test/bench/README.md «The event
 * consumers' bookkeeping per filing»). Consumers of one job run one after another, each handed
 * its deliveries as one batch (the planner's reads and its one transaction, the rollups' one
 * transaction). A cap per consumer, not per job, so a burst gives each consumer full batches
 * (jobs of mixed consumers capped as a whole gave each a third of a job; phase h: 250 planned a
 * burst in 5.1–5.7 s where 100 took 5.7–7.6 s on the same loaded machine). 500, a relay pass's
 * events, so a pass is one job: 10,000 events went end to end at 3,356–3,586/s against
 * 3,050–3,231/s with 250 (alternating runs, test/bench/README.md «Notifications: a relay pass one job; commit to consumer …»).
 */
const JOB_BATCH = 500;

/**
 * How long a batch's job id stands. Within it, the same grouping dispatched again (the sweep every
 * second while the job waits in the queue) is dropped by BullMQ; after it, a new id. Without the
 * window, a job that failed for good (stalled by a SIGKILL more often than BullMQ allows) kept its
 * id in the failed set for days, and every sweep's identical re-dispatch of its still-pending
 * deliveries was dropped as a duplicate: they never ran (seen in the SIGKILL fault test).
 */
const DEDUPE_WINDOW_MS = 30_000;

/**
 * How long after a delivery fell due the relay's sweep may hand it to BullMQ again. Without it,
 * the sweep (every second) re-added every pending delivery still waiting in the queue behind a
 * burst, in jobs grouped differently from the relay's, whose runs then claimed nothing. What the
 * sweep is for still comes back: a dispatch that failed (Redis away), a job lost or failed for
 * good, a runner's lease run out (its delivery fell due long before).
 */
const SWEEP_GRACE_MS = 10_000;

/** Keys by consumer, in their order (a job's chunk takes the same share of each). */
function byConsumer(keys: DeliveryKey[]): Map<string, DeliveryKey[]> {
  const groups = new Map<string, DeliveryKey[]>();
  for (const key of keys) {
    const group = groups.get(key.consumer);
    if (group) group.push(key);
    else groups.set(key.consumer, [key]);
  }
  return groups;
}

/**
 * A job's deliveries as stored in Redis: per consumer, its events' ids and due times side by side.
 * The same events' ids under each of their consumers, not an object per delivery: a job of a relay
 * pass's 500 events × 3 consumers is a sixth of the JSON to write, send, read and parse.
 */
interface JobGroups {
  groups: { consumer: string; eventIds: string[]; dueAt: number[] }[];
}

/** A job's data: one key (a retry), the groups (a relay pass or a sweep), or — queued by an earlier version — a list of keys. */
type JobData = DeliveryKey | { keys: DeliveryKey[] } | JobGroups;

export function groupsOf(keys: DeliveryKey[]): JobGroups {
  return {
    groups: [...byConsumer(keys)].map(([consumer, group]) => ({ consumer, eventIds: group.map((k) => k.eventId), dueAt: group.map((k) => k.dueAt) })),
  };
}

export function keysOf(data: JobData): DeliveryKey[] {
  if ('groups' in data) return data.groups.flatMap((g) => g.eventIds.map((eventId, i) => ({ eventId, consumer: g.consumer, dueAt: g.dueAt[i] })));
  if ('keys' in data) return data.keys;
  return [data];
}

/** A job of several deliveries (keys of one relay pass, of one or more consumers); its id is its first key's, its size and the dedupe window. */
const batchJobOf = (keys: DeliveryKey[]) => ({
  name: 'batch',
  data: groupsOf(keys),
  opts: {
    jobId: `b-${keys[0].eventId}-${keys[0].consumer}-${keys[0].dueAt}-${keys.length}-${Math.floor(Date.now() / DEDUPE_WINDOW_MS)}`,
    attempts: 1,
    removeOnComplete: { age: 24 * 3600, count: 10000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});

/**
 * Hands deliveries to BullMQ in jobs of up to JOB_BATCH per consumer; worker processes (or this one) run them.
 * A sweep that groups the same deliveries differently adds another job: harmless, a delivery
 * another runner holds or finished is skipped by its lease.
 */
@Injectable()
export class BullMqJobDriver implements JobDriver {
  readonly name = 'bullmq' as const;

  constructor(@InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue) {}

  /** A job waits in Redis, unseen by the database: the sweep leaves a delivery alone this long after it fell due. */
  readonly sweepGraceMs = SWEEP_GRACE_MS;

  async dispatch(keys: DeliveryKey[]): Promise<void> {
    const groups = [...byConsumer(keys).values()];
    const jobs = [];
    for (let i = 0; ; i += JOB_BATCH) {
      const chunk = groups.flatMap((group) => group.slice(i, i + JOB_BATCH));
      if (chunk.length === 0) break;
      jobs.push(batchJobOf(chunk));
    }
    if (jobs.length) await this.queue.addBulk(jobs);
  }

  async close(): Promise<void> {
    // The queue connection is closed by @nestjs/bullmq; running jobs finish in the workers.
  }
}

/**
 * Thin processor: runs the delivery, and queues the next attempt at its retry time (CONVENTIONS.md #7).
 *
 * It runs nothing before the application has bootstrapped: the BullMQ worker starts taking jobs as
 * soon as it is created, during the modules' init, while the consumers are still registering
 * (EventConsumers is filled in their onModuleInit). A process restarted with jobs waiting in Redis
 * took them at once and recorded deliveries of a consumer not yet registered as dead («no consumer
 * "notifications" is registered in this process»; seen in the SIGKILL fault test with BullMQ). A
 * job taken early waits here, its BullMQ lock renewed by the worker, until the registry is complete.
 */
@Processor(DOMAIN_EVENTS_QUEUE, { concurrency: 4 })
export class DomainEventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private bootstrapped!: () => void;
  /** Resolved once every module's init has run, so every consumer of this process is registered. */
  private readonly ready = new Promise<void>((resolve) => (this.bootstrapped = resolve));

  constructor(
    private readonly deliveries: EventDeliveries,
    @InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.bootstrapped();
  }

  async process(job: Job<JobData>): Promise<void> {
    await this.ready;
    const keys = keysOf(job.data);
    const results = await this.deliveries.runBatch(keys);
    for (const [i, result] of results.entries()) {
      if (result.outcome !== 'retry') continue;
      const next = { ...keys[i], dueAt: result.retryAt.getTime() };
      const { name, data, opts } = jobOf(next, Math.max(0, next.dueAt - Date.now()));
      await this.queue.add(name, data, opts);
    }
  }
}
