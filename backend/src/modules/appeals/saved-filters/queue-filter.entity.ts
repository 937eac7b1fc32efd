import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A staff member's named view of the queue (issue 15): the console's filters, saved under a name. */
@Entity('queue_saved_filters')
// The unique (user_id, name) index also serves the list (one user's views by name).
@Unique('queue_saved_filters_user_name_key', ['userId', 'name'])
export class QueueSavedFilter {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'queue_saved_filters_pkey' }) id: string;
  @ForeignKey('User', { name: 'queue_saved_filters_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) name: string;
  /** The validated filters (QueueFiltersDto), as the console applies them. */
  @Column({ type: 'jsonb' }) filters: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
