import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** One in-app item as the API and the stream show it. */
export interface InboxItem {
  id: string;
  kind: string;
  appealId: string | null;
  appealNumber: number | null;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** An item to add to a user's feed (the planner writes them in its transaction). */
export interface NewInboxItem {
  userId: string;
  eventId: string;
  kind: string;
  appealId: string | null;
  appealNumber: number | null;
  title: string;
  body: string;
  link: string;
}

const COLUMNS = `id::text AS id, kind, appeal_id AS "appealId", appeal_number::int AS "appealNumber", title, body, link,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "readAt"`;

/** The in-app feed (this module's `notifications` table): what each user was told, read or not. */
@Injectable()
export class NotificationInbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds items, once per (event, user); returns those added now with the user they belong to. */
  async add(manager: EntityManager, items: NewInboxItem[]): Promise<(InboxItem & { userId: string })[]> {
    if (items.length === 0) return [];
    return manager.query(
      `INSERT INTO notifications (user_id, event_id, kind, appeal_id, appeal_number, title, body, link)
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::bigint[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING user_id AS "userId", ${COLUMNS}`,
      [
        items.map((i) => i.userId),
        items.map((i) => i.eventId),
        items.map((i) => i.kind),
        items.map((i) => i.appealId),
        items.map((i) => i.appealNumber),
        items.map((i) => i.title),
        items.map((i) => i.body),
        items.map((i) => i.link),
      ],
    );
  }

  /** Newest first, keyset-paged by id. */
  async list(userId: string, filter: { unread?: boolean; kind?: string; appealId?: string; beforeId?: string; limit: number }): Promise<InboxItem[]> {
    const params: unknown[] = [userId];
    const where = ['user_id = $1'];
    if (filter.unread) where.push('read_at IS NULL');
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.appealId) where.push(`appeal_id = $${params.push(filter.appealId)}`);
    if (filter.beforeId) where.push(`id < $${params.push(filter.beforeId)}`);
    return this.dataSource.query(`SELECT ${COLUMNS} FROM notifications WHERE ${where.join(' AND ')} ORDER BY notifications.id DESC LIMIT $${params.push(filter.limit)}`, params);
  }

  /** Items after `afterId`, oldest first: what a reconnecting stream missed (at most `limit`). */
  after(userId: string, afterId: string, limit: number): Promise<InboxItem[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 AND id > $2 ORDER BY notifications.id LIMIT $3`, [userId, afterId, limit]);
  }

  async unread(userId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.n;
  }

  /** Marks the user's items read (all of them when `ids` is null); returns the unread count after. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($2::bigint[])' : ''}`,
      ids ? [userId, ids] : [userId],
    );
    return this.unread(userId);
  }
}
