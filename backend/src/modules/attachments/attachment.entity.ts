import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum ScanStatus {
  /** Waiting for the malware scanner. */
  Pending = 'pending',
  Clean = 'clean',
  Infected = 'infected',
  /** The scanner could not be reached or answered an error: not downloadable until rescanned. */
  Failed = 'failed',
  /** No scanner configured (CLAMD_SOCKET absent). */
  NotScanned = 'not_scanned',
}

/** An uploaded file: its facts, where its encrypted bytes are, and what it is bound to. */
@Entity('attachments')
@Unique('attachments_storage_key_key', ['storageKey'])
@Check('attachments_size_check', 'size > 0')
@Check('attachments_scan_status_check', `scan_status IN ('pending', 'clean', 'infected', 'failed', 'not_scanned')`)
@Check(
  'attachments_bound_check',
  '(appeal_id IS NULL) = (bound_at IS NULL) AND (appeal_id IS NOT NULL OR (message_id IS NULL AND answer_id IS NULL))',
)
@Index('attachments_appeal', { synchronize: false })
@Index('attachments_unbound', { synchronize: false })
@Check('attachments_owner_check', '(owner_id IS NULL) <> (upload_session IS NULL)')
@Index('attachments_owner_recent', { synchronize: false })
@Index('attachments_upload_session', { synchronize: false })
export class Attachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'attachments_pkey' }) id: string;
  /** The uploader; null for an upload without an account (then `uploadSession` says whose it is). */
  @ForeignKey('User', { name: 'attachments_owner_id_fkey' })
  @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId: string | null;
  /** The public upload session (unidentified feedback, the citizen widget) an upload without an account belongs to. */
  @Column({ name: 'upload_session', type: 'uuid', nullable: true }) uploadSession: string | null;
  /** The uploader's role ('anonymous' without an account): the citizen's and the staff's files count against separate per-appeal budgets. */
  @Column({ name: 'owner_role', type: 'text' }) ownerRole: string;
  @ForeignKey('Appeal', { name: 'attachments_appeal_id_fkey' })
  @Column({ name: 'appeal_id', type: 'uuid', nullable: true }) appealId: string | null;
  @ForeignKey('AppealMessage', { name: 'attachments_message_id_fkey' })
  @Column({ name: 'message_id', type: 'uuid', nullable: true }) messageId: string | null;
  /** The answer it documents (no foreign key until the answers table exists). */
  @Column({ name: 'answer_id', type: 'uuid', nullable: true }) answerId: string | null;
  /**
   * What keeps an upload that is not yet bound past ATTACHMENT_UNBOUND_TTL_HOURS: the answer draft
   * waiting for a supervisor that goes out with it (no foreign key: the holder is the workflow's).
   */
  @Column({ name: 'held_by', type: 'uuid', nullable: true }) heldBy: string | null;
  /** The name as the client sent it (for display only; never used in a path or a header as is). */
  @Column({ name: 'original_name', type: 'text' }) originalName: string;
  /** The normalised name: no paths, control or bidi characters; the extension matches the content. */
  @Column({ type: 'text' }) name: string;
  /** The type found in the content (never the declared one). */
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column({ type: 'integer' }) size: number;
  /** SHA-256 of the plaintext, hex; checked on every download. */
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  /** The per-file data key, wrapped (AES-256-GCM) by the key `keyId` derived from the master key. */
  @Column({ name: 'wrapped_key', type: 'text' }) wrappedKey: string;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ name: 'scan_status', type: 'text' }) scanStatus: ScanStatus;
  /** What the scanner said (signature name or error), for staff. */
  @Column({ name: 'scan_detail', type: 'text', nullable: true }) scanDetail: string | null;
  /** The encrypted thumbnail of an image (same data key), if one was made. */
  @Column({ name: 'preview_key', type: 'text', nullable: true }) previewKey: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'bound_at', type: 'timestamptz', nullable: true }) boundAt: Date | null;
}
