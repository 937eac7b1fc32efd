import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One item of a user's in-app feed (the bell): what they were told, and whether they read it. */
@Entity('notifications')
@Unique('notifications_event_user_key', ['eventId', 'userId'])
@Index('notifications_user_feed_idx', { synchronize: false })
@Index('notifications_user_unread_idx', { synchronize: false })
@Index('notifications_appeal_idx', { synchronize: false })
export class Notification {
  /** Ascending: the SSE stream's event id (Last-Event-ID resumes after it). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'notifications_pkey' }) id: string;
  @ForeignKey('User', { name: 'notifications_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'event_id', type: 'bigint' }) eventId: string;
  @Column({ type: 'text' }) kind: string;
  @ForeignKey('Appeal', { name: 'notifications_appeal_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'appeal_id', type: 'uuid', nullable: true }) appealId: string | null;
  @Column({ name: 'appeal_number', type: 'bigint', nullable: true }) appealNumber: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text' }) link: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
}
