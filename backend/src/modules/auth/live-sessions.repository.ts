import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { PgListener } from '../../database/pg-listener';

/** How many live sessions a process remembers (the oldest is forgotten first). */
const CAPACITY = 50_000;
/** How long a remembered answer is used: a bound on memory, not on revocation (that is at once). */
const REMEMBER_MS = 5 * 60_000;

const checks = new Counter({
  name: 'otklik_session_checks_total',
  help: 'Access-token session checks, by where the answer came from (memory or database)',
  labelNames: ['source'],
});

/**
 * Whether a session (a refresh-token family) is live, asked on every authenticated request.
 *
 * The answer is kept in memory, so a signed-in read costs no database round trip. Revocation still
 * stops a session at once in every process: a trigger on `refresh_tokens` sends
 * NOTIFY otklik_session_revoked with the family at the revoking transaction's commit, and each
 * process's listener forgets it (migration 1765320000000-SessionRevocationNotify). While the
 * listener is not connected nothing is remembered and every check goes to the database, since a
 * notification sent meanwhile would be lost.
 *
 * A check that read the database just before a revocation committed must not remember its stale
 * answer: a generation counter moves on every notification, and an answer is remembered only if
 * none arrived while it was being read.
 */
@Injectable()
export class LiveSessions implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveSessions.name);
  /** family id → { user id, remembered at }; Map order is insertion order, the oldest first. */
  private readonly live = new Map<string, { userId: string; at: number }>();
  private listener?: PgListener;
  private generation = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isLive(familyId: string, userId: string): Promise<boolean> {
    this.listen();
    const known = this.live.get(familyId);
    if (known && known.userId === userId && Date.now() - known.at < REMEMBER_MS && this.listener!.connected) {
      checks.inc({ source: 'memory' });
      return true;
    }
    const generation = this.generation;
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL LIMIT 1', [
      familyId,
      userId,
    ]);
    checks.inc({ source: 'database' });
    const live = rows.length > 0;
    if (live && generation === this.generation && this.listener!.connected) this.remember(familyId, userId);
    return live;
  }

  /** Forgets a session at once (the revoking process need not wait for its own notification). */
  forget(familyId: string): void {
    this.generation++;
    this.live.delete(familyId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  /** Started on the first check, so processes that serve no requests (the worker, the CLI) hold no connection. */
  private listen(): void {
    if (this.listener) return;
    const url = (this.dataSource.options as { url?: string }).url!;
    const forgetAll = () => {
      this.generation++;
      this.live.clear();
    };
    this.listener = new PgListener(url, 'otklik_session_revoked', { notify: (familyId) => this.forget(familyId), up: forgetAll, down: forgetAll }, this.logger, 'otklik-sessions');
    this.listener.start();
  }

  private remember(familyId: string, userId: string): void {
    this.live.delete(familyId);
    this.live.set(familyId, { userId, at: Date.now() });
    if (this.live.size > CAPACITY) this.live.delete(this.live.keys().next().value!);
  }
}
