import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A citizen registration waiting for its SMS code; lapses at `expiresAt` (never becomes an account). */
@Entity('pending_registrations')
@Index('pending_registrations_expires', { synchronize: false })
export class PendingRegistration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pending_registrations_pkey' }) id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'email_normalized', type: 'text' }) emailNormalized: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ name: 'personal_encrypted', type: 'text' }) personalEncrypted: string;
  @Column({ name: 'snils_hash', type: 'text', nullable: true }) snilsHash: string | null;
  @Column({ name: 'inn_hash', type: 'text', nullable: true }) innHash: string | null;
  @Column({ name: 'phone_hash', type: 'text' }) phoneHash: string;
  @Column({ name: 'pd_consent_version', type: 'text' }) pdConsentVersion: string;
  @Column({ name: 'pd_consent_at', type: 'timestamptz' }) pdConsentAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
