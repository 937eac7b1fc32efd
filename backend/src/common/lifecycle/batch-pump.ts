/**
 * The in-process hand-over of leased work items (delivery ids) to their sender: ids queue once,
 * leave in batches of `batchSize`, at most `batches` batches at once; a batch that throws is
 * logged and its ids stay where the database has them, for the sender's sweep to take again.
 * Shared by the notification sender and the webhook sender: the lease, the attempt and its
 * settlement are theirs (in their tables); only the pumping is here.
 */
export class BatchPump {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly o: {
      batches: number;
      batchSize: number;
      run: (ids: string[]) => Promise<void>;
      onError: (error: unknown, ids: string[]) => void;
    },
  ) {}

  /** Queues ids not queued yet (ignored once closed). */
  add(ids: readonly string[]): void {
    if (this.closed) return;
    for (const id of ids) {
      if (this.queued.has(id)) continue;
      this.queued.add(id);
      this.queue.push(id);
    }
    this.pump();
  }

  /** Resolves when nothing is queued or running (tests, the bench). */
  async idle(): Promise<void> {
    while (this.running.size || this.queue.length) await Promise.all([...this.running]);
  }

  /** Drops what is queued (the sweep of the next start takes it) and waits for the batches running. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    this.queued.clear();
    while (this.running.size) await Promise.all([...this.running]);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.o.batches && this.queue.length) {
      const batch = this.queue.splice(0, this.o.batchSize);
      for (const id of batch) this.queued.delete(id);
      const task: Promise<void> = this.o
        .run(batch)
        .catch((error: unknown) => this.o.onError(error, batch))
        .finally(() => {
          this.running.delete(task);
          this.pump();
        });
      this.running.add(task);
    }
  }
}
