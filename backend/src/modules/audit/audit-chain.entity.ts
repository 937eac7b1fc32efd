import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * One sealed audit row: the chain's order is seal order (seq), and every link commits to the one
 * before it, chain_hash = SHA-256(previous chain_hash ‖ row_hash). Append-only like audit_log.
 */
@Entity('audit_chain')
@Unique('audit_chain_row', ['rowId'])
export class AuditChainLink {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_chain_pkey' }) seq: string;
  @Column({ name: 'row_id', type: 'bigint' }) rowId: string;
  /** The row's writing transaction: with row_id, the sealer's cursor. */
  @Column({ name: 'row_txid', type: 'bigint' }) rowTxid: string;
  @Column({ name: 'row_hash', type: 'bytea' }) rowHash: Buffer;
  @Column({ name: 'chain_hash', type: 'bytea' }) chainHash: Buffer;
  @Column({ name: 'sealed_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) sealedAt: Date;
}
