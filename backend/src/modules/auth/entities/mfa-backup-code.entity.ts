import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A single-use backup code of the second factor; only its keyed hash is stored. */
@Entity('mfa_backup_codes')
@Index('mfa_backup_codes_user', { synchronize: false })
export class MfaBackupCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mfa_backup_codes_pkey' }) id: string;
  @ForeignKey('User', { name: 'mfa_backup_codes_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'code_hash', type: 'text' }) codeHash: string;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
