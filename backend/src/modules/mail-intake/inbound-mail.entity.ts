import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

export type InboundMailStatus = 'pending' | 'filed' | 'replied' | 'refused';

/**
 * A mail the intake SMTP listener accepted: stored (encrypted) in the transaction that also writes
 * its `mail.received` event, so a crash after the SMTP «250» loses nothing; processed by the mail
 * intake's event consumer, which marks it in the transaction of its effect, so a retry does nothing
 * twice. The raw mail is dropped once processed (the appeal or the message keeps its content).
 */
@Entity('inbound_mails')
@Unique('inbound_mails_message_key_key', ['messageKey'])
@Check('inbound_mails_status_check', `status IN ('pending', 'filed', 'replied', 'refused')`)
export class InboundMail {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'inbound_mails_pkey' }) id: string;
  /** SHA-256 of the Message-ID (else of the whole mail): the same mail delivered twice is stored once. */
  @Column({ name: 'message_key', type: 'text' }) messageKey: string;
  /** The mail as received (personal data), encrypted; null once processed. */
  @Column({ name: 'raw_encrypted', type: 'text', nullable: true, select: false }) rawEncrypted: string | null;
  @Column({ type: 'integer' }) size: number;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'text', default: 'pending' }) status: InboundMailStatus;
  /** What became of it: the appeal or message made, or why the sender was answered instead. */
  @Column({ type: 'jsonb', nullable: true }) outcome: Record<string, unknown> | null;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
}
