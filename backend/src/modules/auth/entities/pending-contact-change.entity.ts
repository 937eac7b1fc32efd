import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type ContactKind = 'email' | 'phone';

/**
 * A new e-mail or phone waiting for the code sent to it; the account keeps its old address until
 * the code is entered. One per account and kind: a new request replaces the previous one.
 */
@Entity('pending_contact_changes')
@Unique('pending_contact_changes_user_kind_key', ['userId', 'kind'])
@Check('pending_contact_changes_kind_check', `kind IN ('email', 'phone')`)
export class PendingContactChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pending_contact_changes_pkey' }) id: string;
  @ForeignKey('User', { name: 'pending_contact_changes_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) kind: ContactKind;
  /** The new address (personal data): AES-256-GCM via PersonalDataCipher. */
  @Column({ name: 'value_encrypted', type: 'text' }) valueEncrypted: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
