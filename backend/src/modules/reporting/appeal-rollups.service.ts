import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CoalescedRuns } from '../../common/lifecycle/coalesced-runs';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealReportReader, RepeatGroup, RepeatKey } from '../appeals/appeal-report.repository';
import { DOMAIN_EVENT_TYPES, DispatchedEvent, DomainEventType } from '../outbox/domain-event';
import { EventConsumer, EventConsumers } from '../outbox/event-consumers';
import { SlaService } from '../workflow/sla/sla.service';
import { AppealFigures, assigneeDaysDiff, durationsDiff, figuresOf, intakeHoursDiff, rollupDiff } from './appeal-figures';
import { ReportRollups } from './report-rollups.repository';

/**
 * Keeps report_appeal_facts and the rollups (report_daily, report_intake_hours, report_durations,
 * report_assignee_daily) equal to the appeals' current state.
 *
 * Idempotence (delivery is at least once): recompute-the-appeal's-contribution, not "add one per
 * event". For each appeal an event concerns, in one transaction with the appeal's advisory lock:
 * read its stored figures (what it contributes now), derive its figures from its current state,
 * add (new contribution − stored contribution) to the rollups and store the new figures. A
 * redelivered or reordered event recomputes from the same state and adds nothing; a crash before
 * the commit leaves both tables as they were. So the rollups always equal the sum of the stored
 * figures, and the rebuild (which runs the same step over every appeal) converges to the same
 * rows. An event-id marker table would have been the other way; it cannot repair an event that
 * was lost or applied out of order, this can.
 *
 * Freshness: the relay hands events to consumers right after the producing transaction commits,
 * so today's figures trail the appeals by the consumer's latency (well under the 60 s the issue
 * asks), not by a scheduled job.
 */
@Injectable()
export class AppealRollups {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rollups: ReportRollups,
    private readonly appeals: AppealReportReader,
    private readonly sla: SlaService,
  ) {}

  /**
   * Recomputes these appeals' figures and rollup contributions; `also` runs in the same transaction.
   * With `neighbours` (the consumer; the rebuild refreshes every appeal anyway), the appeals whose
   * repeat fact these changes can flip are recomputed with them (repeatNeighbours).
   */
  async refresh(appealIds: readonly string[], also?: (manager: EntityManager) => Promise<void>, neighbours = true): Promise<void> {
    const requested = [...new Set(appealIds)];
    if (requested.length === 0) return;
    await this.tx.run(async (manager) => {
      const ids = [...new Set([...requested, ...(neighbours ? await this.repeatNeighbours(manager, requested) : [])])].sort();
      await this.rollups.lockAppeals(manager, ids);
      const before = await this.rollups.factsOf(manager, ids);
      const states = await this.appeals.statesOf(ids, manager);
      const calendar = await this.sla.calendar(manager);
      const after = new Map<string, AppealFigures>(states.map((s) => [s.id, figuresOf(s, calendar)]));
      const changes = ids.map((id) => ({ before: before.get(id) ?? null, after: after.get(id) ?? null }));
      const diff = rollupDiff(changes);
      // Destroyed appeals (retention) leave the reports as they leave the list.
      const gone = ids.filter((id) => before.has(id) && !after.has(id));
      await this.rollups.write(manager, {
        rollups: diff,
        intakeHours: intakeHoursDiff(changes),
        durations: durationsDiff(changes),
        assigneeDays: assigneeDaysDiff(changes),
        facts: [...after.values()],
        gone,
      });
      if (also) await also(manager);
    });
  }

  /**
   * "Is a repeat" of an appeal depends on its author's other appeals in its category (the group):
   * it is false for the group's first appeal alone. When an appeal joins, leaves (destroyed,
   * recategorised) or moves within a group, the only appeals that can flip are the group's first
   * now (it may have become first) and those stored as not a repeat (one may no longer be first):
   * those are refreshed too, from the appeals as they stand, so a later appeal of a citizen whose
   * earlier one was destroyed stops counting as a repeat. An appeal whose group and registration
   * did not change (nearly every event) touches no other.
   */
  private async repeatNeighbours(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    // One connection (the transaction's): the statements run one after the other.
    const stored = await this.rollups.repeatKeysOf(manager, ids);
    const now = await this.appeals.repeatKeysOf(ids, manager);
    const keyOf = (k: RepeatKey | undefined) => (k ? JSON.stringify([k.citizenId, k.categoryId, new Date(k.registeredAt).getTime()]) : null);
    const storedById = new Map(stored.map((k) => [k.appealId, k]));
    const nowById = new Map(now.map((k) => [k.appealId, k]));
    const groups = new Map<string, RepeatGroup>();
    for (const id of ids) {
      const [before, after] = [storedById.get(id), nowById.get(id)];
      if (keyOf(before) === keyOf(after)) continue;
      for (const k of [before, after]) if (k?.citizenId) groups.set(`${k.citizenId}|${k.categoryId}`, { citizenId: k.citizenId, categoryId: k.categoryId });
    }
    if (groups.size === 0) return [];
    const firstNow = await this.appeals.repeatHeads([...groups.values()], manager);
    const firstStored = await this.rollups.firstsOf(manager, [...groups.values()]);
    return [...firstNow, ...firstStored];
  }
}

/** Distinct appeals one coalesced refresh takes at most (the rest wait for the next): its transaction stays short. */
export const ROLLUP_RUN_MAX_APPEALS = 500;

/**
 * The rollups' consumer of every appeal event (typed registry: the app refuses to boot on an unknown type).
 *
 * At most one of its refresh transactions is in flight in a process: the batches that arrive
 * meanwhile (the runner's jobs run side by side, each with a batch of this consumer) join the next
 * refresh, their appeals merged (CoalescedRuns). Concurrent refreshes of the same appeals and of
 * the same rollup rows (one day × department for a burst) otherwise wait on one another's advisory
 * and row locks, each paying its reads and transaction for the same rows. A batch resolves once the
 * refresh holding its appeals has committed, so its deliveries are still marked done only after
 * the figures are (at least once and recompute idempotence are as before); a refresh that fails is
 * run again batch by batch, and a batch whose own refresh fails rejects, as before.
 */
@Injectable()
export class RollupConsumer implements EventConsumer, OnModuleInit {
  readonly name = 'reporting.rollups';
  readonly events: readonly DomainEventType[] = DOMAIN_EVENT_TYPES.filter((t) => t.startsWith('appeal.'));
  private readonly runs: CoalescedRuns;

  constructor(
    private readonly consumers: EventConsumers,
    rollups: AppealRollups,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A refresh stuck past the handler's own bound (a lock wait) stops holding the others up: they
    // would time out behind it, be retried behind it, and end as dead letters.
    this.runs = new CoalescedRuns({ maxIds: ROLLUP_RUN_MAX_APPEALS, run: (ids) => rollups.refresh(ids), stallMs: config.events.handlerTimeoutMs });
  }

  onModuleInit(): void {
    this.consumers.register(this);
  }

  handle(event: DispatchedEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /** Each appeal recomputed once however many of its events came, in the process's next refresh. */
  handleBatch(events: DispatchedEvent[]): Promise<void> {
    return this.runs.submit(events.filter((e) => e.aggregateType === 'appeal').map((e) => e.aggregateId));
  }
}

/** `reports:rebuild`: the rollups from the appeals' own tables, in resumable chunks. */
@Injectable()
export class RollupRebuild {
  constructor(
    private readonly rollups: ReportRollups,
    private readonly appeals: AppealReportReader,
    private readonly refresher: AppealRollups,
  ) {}

  /**
   * From scratch (the rollups are emptied first), or with `resume` from where an interrupted run
   * stopped. Live events keep being applied meanwhile: an appeal the consumer refreshes before the
   * rebuild reaches it is refreshed again with no difference.
   */
  async run(options: { resume: boolean; chunk: number; progress: (done: number, total: number) => void }): Promise<{ done: number; total: number; resumed: boolean }> {
    let state = options.resume ? await this.rollups.rebuildState() : null;
    const resumed = Boolean(state && !state.finished);
    if (!state || state.finished) {
      const total = await this.appeals.countRegistered();
      await this.rollups.startRebuild(total);
      state = { afterAppealId: null, done: 0, total, finished: false };
    }
    let { afterAppealId: after, done } = state;
    const { total } = state;
    options.progress(done, total);
    for (;;) {
      const ids = await this.appeals.registeredIdsAfter(after, options.chunk);
      if (ids.length === 0) break;
      const last = ids[ids.length - 1];
      await this.refresher.refresh(ids, (manager) => this.rollups.recordProgress(manager, last, ids.length), false);
      after = last;
      done += ids.length;
      options.progress(done, Math.max(total, done));
    }
    await this.rollups.finishRebuild();
    return { done, total: Math.max(total, done), resumed };
  }
}
