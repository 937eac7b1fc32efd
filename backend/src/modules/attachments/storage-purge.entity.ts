import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A stored object to remove: written with the change that dropped its attachment row, removed by housekeeping. */
@Entity('storage_purges')
@Index('storage_purges_due', { synchronize: false })
export class StoragePurge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'storage_purges_pkey' }) id: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  /** Why it goes: `retention`, or `upload_unconfirmed` (removed by the upload that succeeds). */
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
  /** Not removed before this (an upload in flight has an hour to confirm its object). */
  @Column({ name: 'not_before', type: 'timestamptz', default: () => 'now()' }) notBefore: Date;
}
