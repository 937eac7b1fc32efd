import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A client app allowed to file Open311 requests: its key is shown once and kept as a SHA-256 hash. */
@Entity('open311_api_keys')
@Unique('open311_api_keys_key_hash_key', ['keyHash'])
export class Open311ApiKey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'open311_api_keys_pkey' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'key_prefix', type: 'text' }) keyPrefix: string;
  @Column({ name: 'key_hash', type: 'text' }) keyHash: string;
  @ForeignKey('User', { name: 'open311_api_keys_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
}
