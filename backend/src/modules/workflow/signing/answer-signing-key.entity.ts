import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A key of signed answers. Exactly one is active (it signs); the others only verify, so answers
 * signed before a rotation keep verifying. The private half is stored encrypted with the
 * master key (PersonalDataCipher) and never leaves the signer; keys imported from the
 * configuration's ANSWER_VERIFY_KEYS have no private half at all.
 */
@Entity('answer_signing_keys')
@Index('answer_signing_keys_one_active', { synchronize: false })
@Check('answer_signing_keys_kid_check', `kid ~ '^[A-Za-z0-9_.:-]{1,64}$'`)
@Check('answer_signing_keys_source_check', `source IN ('configuration', 'generated')`)
@Check('answer_signing_keys_active_check', `activated_at IS NULL OR private_key_encrypted IS NOT NULL`)
export class AnswerSigningKey {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'answer_signing_keys_pkey' }) kid: string;
  @Column({ type: 'text', default: 'RS256' }) algorithm: string;
  /** SPKI PEM. */
  @Column({ name: 'public_key', type: 'text' }) publicKey: string;
  /** `sha256:` + hex of the SHA-256 of the public key's DER (SPKI): what an admin compares out of band. */
  @Column({ type: 'text' }) fingerprint: string;
  /** PKCS#8 PEM encrypted at rest (`pd1.…`); null for a verify-only key. */
  @Column({ name: 'private_key_encrypted', type: 'text', nullable: true }) privateKeyEncrypted: string | null;
  @Column({ type: 'text' }) source: 'configuration' | 'generated';
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
}
