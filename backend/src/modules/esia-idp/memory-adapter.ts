/**
 * oidc-provider's storage for the embedded IdP: in process memory. Sessions, codes and tokens
 * are lost on restart and not shared between API processes — acceptable for a development and
 * demo IdP (the RP's own platform sessions live in Postgres and are unaffected). Signing keys
 * are derived from MASTER_KEY, so ID tokens issued before a restart still verify.
 */
interface Entry {
  payload: Record<string, any>;
  expiresAt: number;
}

export class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byUid = new Map<string, string>();
  private readonly byUserCode = new Map<string, string>();
  private readonly byGrant = new Map<string, Set<string>>();

  get(key: string): Record<string, any> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: Record<string, any>, expiresIn: number): void {
    this.sweep();
    this.entries.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** An adapter class in the shape oidc-provider expects (`new Adapter(name)`). */
  adapterClass(): new (name: string) => unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this;
    return class MemoryAdapter {
      constructor(private readonly name: string) {}

      private key(id: string) {
        return `${this.name}:${id}`;
      }

      async upsert(id: string, payload: Record<string, any>, expiresIn: number): Promise<void> {
        const key = this.key(id);
        if (payload.grantId) {
          const set = store.byGrant.get(payload.grantId) ?? new Set<string>();
          set.add(key);
          store.byGrant.set(payload.grantId, set);
        }
        if (payload.uid) store.byUid.set(payload.uid, id);
        if (payload.userCode) store.byUserCode.set(payload.userCode, id);
        store.set(key, payload, expiresIn);
      }

      async find(id: string) {
        return store.get(this.key(id));
      }

      async findByUid(uid: string) {
        const id = store.byUid.get(uid);
        return id ? store.get(this.key(id)) : undefined;
      }

      async findByUserCode(userCode: string) {
        const id = store.byUserCode.get(userCode);
        return id ? store.get(this.key(id)) : undefined;
      }

      async consume(id: string): Promise<void> {
        const payload = store.get(this.key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      }

      async destroy(id: string): Promise<void> {
        store.delete(this.key(id));
      }

      async revokeByGrantId(grantId: string): Promise<void> {
        for (const key of store.byGrant.get(grantId) ?? []) store.delete(key);
        store.byGrant.delete(grantId);
      }
    };
  }

  private sweep(): void {
    if (this.entries.size < 10_000) return;
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
