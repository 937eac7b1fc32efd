import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../../common/problem/domain-error';
import { PushSubscription } from './push-subscription.entity';

export interface DevicePush {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** Web-push subscriptions, one per device (this module's table). */
@Injectable()
export class PushSubscriptions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Registers a device for the user. The endpoint is the device: one that another account had
   * (the browser signed in as someone else) now belongs to this user only.
   */
  async add(userId: string, sub: { endpoint: string; p256dh: string; auth: string; userAgent: string | null }, manager: EntityManager = this.dataSource.manager): Promise<PushSubscription> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
         user_agent = EXCLUDED.user_agent, created_at = CASE WHEN push_subscriptions.user_id = EXCLUDED.user_id THEN push_subscriptions.created_at ELSE now() END
       RETURNING id`,
      [userId, sub.endpoint, sub.p256dh, sub.auth, sub.userAgent],
    );
    return manager.findOneByOrFail(PushSubscription, { id: row.id });
  }

  list(userId: string): Promise<PushSubscription[]> {
    return this.dataSource.manager.find(PushSubscription, { where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** The user's own subscription only: another's id is not found. */
  async remove(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const result = await manager.delete(PushSubscription, { id, userId });
    if (!result.affected) throw new NotFoundError('push_subscription');
  }

  /** The push service said the subscription is gone (404/410). */
  async forget(id: string): Promise<void> {
    await this.dataSource.manager.delete(PushSubscription, { id });
  }

  async used(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE push_subscriptions SET last_used_at = now() WHERE id = $1`, [id]);
  }

  devicesOf(userId: string): Promise<DevicePush[]> {
    return this.dataSource.query(`SELECT id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = $1`, [userId]);
  }

  /** Users of these who have at least one device. */
  async withDevices(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.dataSource.query<{ user_id: string }[]>(`SELECT DISTINCT user_id FROM push_subscriptions WHERE user_id = ANY($1::uuid[])`, [[...userIds]]);
    return new Set(rows.map((r) => r.user_id));
  }
}
