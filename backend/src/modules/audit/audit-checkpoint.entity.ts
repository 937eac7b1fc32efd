import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed statement of the chain's head: its size (the last seq), head hash and the RFC 6962
 * Merkle root over the row hashes, signed with the answer-signing key. `frontier` holds the
 * roots of the perfect subtrees of the first `size` leaves, so the next root is computed from
 * here and the new leaves only. Append-only.
 */
@Entity('audit_checkpoints')
export class AuditCheckpoint {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_checkpoints_pkey' }) size: string;
  @Column({ name: 'head_hash', type: 'bytea' }) headHash: Buffer;
  @Column({ name: 'merkle_root', type: 'bytea' }) merkleRoot: Buffer;
  @Column({ type: 'bytea', array: true }) frontier: Buffer[];
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ type: 'text' }) signature: string;
}
