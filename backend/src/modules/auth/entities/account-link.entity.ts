import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type AccountLinkPurpose = 'invite' | 'password_reset';

/** A one-time link sent by e-mail: an invitation to a staff account, or an admin's password reset. Only its token's SHA-256 is stored. */
@Entity('account_links')
@Unique('account_links_token_hash_key', ['tokenHash'])
@Check('account_links_purpose_check', `purpose IN ('invite', 'password_reset')`)
@Index('account_links_user', { synchronize: false })
export class AccountLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'account_links_pkey' }) id: string;
  @ForeignKey('User', { name: 'account_links_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) purpose: AccountLinkPurpose;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @ForeignKey('User', { name: 'account_links_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
