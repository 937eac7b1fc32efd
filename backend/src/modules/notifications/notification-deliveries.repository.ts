import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The delivery log of notices (this module's table), and the addresses they go to. */
@Injectable()
export class NotificationDeliveries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs one recipient's delivery in a transaction: the claim and the send commit or roll back together. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Claims (event, recipient) for the channel; false when an earlier attempt delivered it. */
  async claim(manager: EntityManager, eventId: string, recipientId: string, eventType: string, appealId: string): Promise<boolean> {
    const claimed = await manager.query<unknown[]>(
      `INSERT INTO notification_deliveries (event_id, recipient_id, channel, event_type, appeal_id)
       VALUES ($1, $2, 'email', $3, $4) ON CONFLICT DO NOTHING RETURNING event_id`,
      [eventId, recipientId, eventType, appealId],
    );
    return claimed.length > 0;
  }

}
