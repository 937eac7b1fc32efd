/**
 * One run at a time of work over ids, shared by the callers that ask meanwhile: ids submitted
 * while a run is in flight join the next run (merged with the other waiting callers' ids,
 * deduplicated), and each caller's promise settles when the run holding its ids has finished.
 * Callers are taken whole and in order, up to `maxIds` distinct ids a run (a caller bigger than
 * that runs alone), so a run stays short and nobody is overtaken.
 *
 * A failed run of several callers does not fail them all: each is run again on its own and
 * settled by that run, so one bad id rejects only the callers that hold it, and the next run
 * starts from what is waiting then (nothing of a failed run is kept).
 *
 * Unlike BatchPump (fire and forget: ids queued, the sender's sweep takes a failed batch again),
 * a caller here waits for its own ids to be done — the outbox marks deliveries done only then.
 * A run starts when the previous one settles, so whoever waits for the callers (a job driver
 * closing) waits for at most the runs already queued. With `stallMs`, a run that has not settled
 * by then stops holding the slot: its callers are rejected (as by a failed run, so their work is
 * retried) and the next run starts beside it — one stuck run (a lock wait, a stalled connection)
 * does not stop every later caller of the process behind it. The stalled run goes on; what it
 * settles with is ignored. The work must therefore tolerate two runs at once (the rollups do: they
 * lock the appeals they recompute).
 */
export class CoalescedRuns {
  private readonly waiting: { ids: string[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly o: { maxIds: number; run: (ids: string[]) => Promise<void>; stallMs?: number }) {}

  /** Resolves when a run holding all of these ids has finished; rejects if the caller's own run failed. */
  submit(ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ ids: unique, resolve, reject });
      this.pump();
    });
  }

  /** Resolves when nothing waits or runs (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private pump(): void {
    if (this.running || this.waiting.length === 0) return;
    const ids = new Set<string>();
    let taken = 0;
    for (; taken < this.waiting.length; taken++) {
      const extra = this.waiting[taken].ids.filter((id) => !ids.has(id));
      if (taken > 0 && ids.size + extra.length > this.o.maxIds) break;
      for (const id of extra) ids.add(id);
    }
    const callers = this.waiting.splice(0, taken);
    this.running = this.settle(callers, [...ids]).finally(() => {
      this.running = undefined;
      this.pump();
    });
  }

  private async settle(callers: typeof this.waiting, ids: string[]): Promise<void> {
    try {
      await this.bounded(ids);
      for (const c of callers) c.resolve();
      return;
    } catch (error) {
      if (callers.length === 1 || error instanceof RunStalled) {
        for (const c of callers) c.reject(error);
        return;
      }
    }
    for (const c of callers) {
      try {
        await this.bounded(c.ids);
        c.resolve();
      } catch (error) {
        c.reject(error);
      }
    }
  }

  /** The run, given up on (RunStalled) once it outlasts `stallMs`. */
  private bounded(ids: string[]): Promise<void> {
    const work = this.o.run(ids);
    const { stallMs } = this.o;
    if (!stallMs) return work;
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RunStalled(ids.length, stallMs)), stallMs);
      timer.unref();
    });
    // The stalled run's own outcome, when it comes, is nobody's: it must not surface as unhandled.
    work.catch(() => undefined);
    return Promise.race([work, stalled]).finally(() => clearTimeout(timer));
  }
}

/** A run that outlasted `stallMs`: its callers are released, the run itself goes on unobserved. */
export class RunStalled extends Error {
  constructor(ids: number, ms: number) {
    super(`a run of ${ids} ids did not finish within ${ms} ms; the next run starts beside it`);
  }
}
