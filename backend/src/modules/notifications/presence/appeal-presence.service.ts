import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PresenceActivity } from '@otklik/shared/domain';
import { Clock } from '../../../common/clock/clock';
import { Actor } from '../../../common/http/actor';
import { PeriodicMode, PeriodicRun } from '../../../common/lifecycle/periodic-run';
import { AppealAccess } from '../../appeals/appeal-access.service';
import { NotificationStream, PresenceChange } from '../inbox/notification-stream';
import { AppealPresenceDto } from './appeal-presence.dto';
import { AppealPresenceRepository } from './appeal-presence.repository';

/** How long a card stays shown without a heartbeat (the console beats every 15 s). */
export const PRESENCE_TTL_SECONDS = 40;
/** How often expired presence is swept (and its end told to the queues). */
const SWEEP_MS = 5_000;
export const PRESENCE_SWEEP_MODE = Symbol('PRESENCE_SWEEP_MODE');

/**
 * Who is on an appeal's card (issue 15): the card's heartbeat records it in PostgreSQL, shared by
 * every API process, and each change — someone came, started or stopped replying, left, or went
 * silent past the TTL — goes over the notification stream as a `presence` message with the
 * appeal's whole list to the staff whose queues show it, the way queue changes go. Not audited:
 * it changes no appeal and no setting (the audit-coverage walker lists it among its exceptions).
 */
@Injectable()
export class AppealPresence implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeper: PeriodicRun<void>;

  constructor(
    private readonly presence: AppealPresenceRepository,
    private readonly access: AppealAccess,
    private readonly stream: NotificationStream,
    private readonly clock: Clock,
    @Inject(PRESENCE_SWEEP_MODE) mode: PeriodicMode,
  ) {
    this.sweeper = new PeriodicRun({
      name: 'presence sweep',
      mode,
      everyMs: SWEEP_MS,
      jobName: 'presence-sweep',
      keep: { complete: 0, fail: 0 },
      run: () => this.sweep(),
      logger: new Logger(AppealPresence.name),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.sweeper.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeper.stop();
  }

  /** The caller is on the card (object-level check as for reading it); answers who else is. */
  async beat(actor: Actor, idOrNumber: string, activity: PresenceActivity): Promise<AppealPresenceDto> {
    const appeal = await this.access.load(actor, idOrNumber);
    const now = this.clock.now();
    const changed = await this.presence.beat(appeal.id, actor, activity, now, new Date(now.getTime() + PRESENCE_TTL_SECONDS * 1000));
    const present = (await this.presence.on([appeal.id], now)).get(appeal.id) ?? [];
    if (changed) await this.tell([appeal.id], new Map([[appeal.id, present]]));
    return {
      appealId: appeal.id,
      present: present.filter((p) => p.userId !== actor.userId),
      ttlSeconds: PRESENCE_TTL_SECONDS,
    };
  }

  /**
   * The caller left the card. No access check: it only ever removes the caller's own row, so it
   * works after the appeal left their reach (redirected away, they no longer see it) — their
   * marker goes at once instead of lingering for the TTL. It answers the same (204) whether the
   * appeal exists, is theirs to see, or they were on it at all: it reveals nothing.
   */
  async leave(actor: Actor, idOrNumber: string): Promise<void> {
    const appealId = await this.access.idOf(idOrNumber);
    if (!appealId) return;
    const now = this.clock.now();
    if (await this.presence.leave(appealId, actor.userId, now)) await this.tell([appealId], await this.presence.on([appealId], now));
  }

  /** Everyone on the cards of appeals in these departments' queues: what a new stream starts from. */
  async inQueuesOf(departments: readonly string[]): Promise<PresenceChange[]> {
    if (departments.length === 0) return [];
    const now = await this.presence.on(null, this.clock.now());
    const shown = await this.access.queueDepartmentsOf([...now.keys()]);
    return [...now].filter(([appealId]) => shown.get(appealId)?.departments.some((d) => departments.includes(d))).map(([appealId, present]) => ({ appealId, present }));
  }

  /** Removes presence past its TTL and tells the queues; run every few seconds by each API process. */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const gone = await this.presence.sweep(now);
    if (gone.length) await this.tell(gone, await this.presence.on(gone, now));
  }

  private async tell(appealIds: string[], present: Map<string, PresenceChange['present']>): Promise<void> {
    const shown = await this.access.queueDepartmentsOf(appealIds);
    await this.stream.publish(
      appealIds.flatMap((appealId) => {
        const departments = shown.get(appealId)?.departments ?? [];
        return departments.length
          ? [
              {
                departments,
                message: {
                  type: 'presence' as const,
                  item: { appealId, present: present.get(appealId) ?? [] },
                },
              },
            ]
          : [];
      }),
    );
  }
}
