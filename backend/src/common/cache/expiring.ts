/**
 * One value a process keeps for `ttlMs` (admin-managed settings read on hot paths: routing
 * rules, SLA policies, the departments that assign automatically). After it expires the next
 * caller loads it again, and callers arriving meanwhile share that load. `invalidate()` drops it
 * at once: a load that was already running when it was called is not kept.
 */
export class Expiring<T> {
  private entry?: { value: T; until: number };
  private loading?: Promise<T>;
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  async get(load: () => Promise<T>): Promise<T> {
    if (this.entry && this.entry.until > Date.now()) return this.entry.value;
    if (!this.loading) {
      const generation = this.generation;
      const loading = load()
        .then((value) => {
          if (generation === this.generation) this.entry = { value, until: Date.now() + this.ttlMs };
          return value;
        })
        .finally(() => {
          if (this.loading === loading) this.loading = undefined;
        });
      this.loading = loading;
    }
    return this.loading;
  }

  /** The value while it is fresh, without loading it (a caller inside a transaction reads its own way when there is none). */
  peek(): T | undefined {
    return this.entry && this.entry.until > Date.now() ? this.entry.value : undefined;
  }

  invalidate(): void {
    this.generation++;
    this.entry = undefined;
    this.loading = undefined;
  }
}
