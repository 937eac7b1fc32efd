import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PresenceActivity } from '@otklik/shared/domain';

/** One staff member on an appeal's card. */
export interface Present {
  userId: string;
  name: string;
  activity: PresenceActivity;
}

/**
 * This module's `appeal_presence` table (unlogged): who has which card open until when. Every
 * time given here is the app's clock, so an expiry is what the rest of the app calls "now".
 */
@Injectable()
export class AppealPresenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a heartbeat; answers whether what others see changed (someone new on the card, or
   * another activity) — a plain renewal changes nothing they see and is not worth a message.
   */
  async beat(appealId: string, who: { userId: string; name: string }, activity: PresenceActivity, now: Date, expiresAt: Date): Promise<boolean> {
    // The CTE reads the row as it was before the upsert (one statement, one snapshot).
    const [row] = await this.dataSource.query<{ previous: string | null }[]>(
      `WITH before AS (SELECT activity FROM appeal_presence WHERE appeal_id = $1 AND user_id = $2 AND expires_at > $5)
       INSERT INTO appeal_presence (appeal_id, user_id, user_name, activity, expires_at) VALUES ($1, $2, $3, $4, $6)
       ON CONFLICT (appeal_id, user_id) DO UPDATE SET user_name = EXCLUDED.user_name, activity = EXCLUDED.activity, expires_at = EXCLUDED.expires_at
       RETURNING (SELECT activity FROM before) AS previous`,
      [appealId, who.userId, who.name, activity, now, expiresAt],
    );
    return row.previous !== activity;
  }

  /** Removes the user from the card; answers whether they were shown there. */
  async leave(appealId: string, userId: string, now: Date): Promise<boolean> {
    const rows = await this.dataSource.query<{ expires_at: Date }[]>(
      // A DELETE inside a CTE: the driver answers a plain DELETE … RETURNING as [rows, count].
      'WITH d AS (DELETE FROM appeal_presence WHERE appeal_id = $1 AND user_id = $2 RETURNING expires_at) SELECT expires_at FROM d',
      [appealId, userId],
    );
    return rows.some((r) => new Date(r.expires_at) > now);
  }

  /** Who is on each of the appeals now (appeals nobody is on are absent). */
  async on(appealIds: readonly string[] | null, now: Date): Promise<Map<string, Present[]>> {
    const rows = await this.dataSource.query<(Present & { appealId: string })[]>(
      `SELECT appeal_id AS "appealId", user_id AS "userId", user_name AS name, activity FROM appeal_presence
        WHERE expires_at > $1 AND ($2::uuid[] IS NULL OR appeal_id = ANY($2::uuid[])) ORDER BY appeal_id, user_name, user_id`,
      [now, appealIds ? [...new Set(appealIds)] : null],
    );
    const byAppeal = new Map<string, Present[]>();
    for (const { appealId, ...present } of rows) byAppeal.set(appealId, [...(byAppeal.get(appealId) ?? []), present]);
    return byAppeal;
  }

  /**
   * Removes what expired and answers the appeals it was on. DELETE … RETURNING: when several
   * processes sweep at once each row is removed, and reported, by exactly one of them.
   */
  async sweep(now: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ appeal_id: string }[]>('WITH d AS (DELETE FROM appeal_presence WHERE expires_at <= $1 RETURNING appeal_id) SELECT DISTINCT appeal_id FROM d', [now]);
    return rows.map((r) => r.appeal_id);
  }
}
