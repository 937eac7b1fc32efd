import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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

  /**
   * The INSERT adding items, once per (event, user), returning those added now with the user they
   * belong to; its parameters named by `param`. The planner writes it beside its delivery rows in
   * one statement.
   */
  insertStatement(items: readonly NewInboxItem[], param: (value: unknown) => string): string {
    const arrays: [keyof NewInboxItem, string][] = [
      ['userId', 'uuid'],
      ['eventId', 'bigint'],
      ['kind', 'text'],
      ['appealId', 'uuid'],
      ['appealNumber', 'bigint'],
      ['title', 'text'],
      ['body', 'text'],
      ['link', 'text'],
    ];
    return `INSERT INTO notifications (user_id, event_id, kind, appeal_id, appeal_number, title, body, link)
       SELECT * FROM unnest(${arrays.map(([field, type]) => `${param(items.map((i) => i[field]))}::${type}[]`).join(', ')})
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING user_id AS "userId", ${COLUMNS}`;
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
