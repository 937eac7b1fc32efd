import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export type SedPackageStatus = 'exported' | 'acknowledged';

const bigintArray = {
  to: (v: number[]) => v,
  from: (v: (string | number)[] | null) => (v ?? []).map(Number),
};

/**
 * A package written out in full to the СЭД's directory or S3 prefix. Inserted after the last file
 * (the manifest) is in place: a crash before leaves no row, and the next run writes the window again.
 */
@Entity('sed_export_packages')
@Check('sed_export_packages_status_check', `status IN ('exported', 'acknowledged')`)
@Check('sed_export_packages_target_check', `target IN ('dir', 's3')`)
@Index('sed_export_packages_window_to_idx', { synchronize: false })
export class SedExportPackage {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'sed_export_packages_pkey' }) id: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** The watermark the package started from (exclusive); null for the first package. */
  @Column({ name: 'window_from', type: 'timestamptz', nullable: true }) windowFrom: Date | null;
  /** Up to when (inclusive) registrations and answers are in it: the next package's start. */
  @Column({ name: 'window_to', type: 'timestamptz' }) windowTo: Date;
  @Column({ type: 'text' }) target: 'dir' | 's3';
  /** The package's folder (dir) or key prefix (s3). */
  @Column({ type: 'text' }) location: string;
  @Column({ name: 'appeal_count', type: 'integer' }) appealCount: number;
  @Column({ name: 'answer_count', type: 'integer' }) answerCount: number;
  @Column({ name: 'file_count', type: 'integer' }) fileCount: number;
  @Column({ name: 'appeal_numbers', type: 'bigint', array: true, transformer: bigintArray }) appealNumbers: number[];
  /** SHA-256 of manifest.sha256 itself: what the package was, should the files be changed later. */
  @Column({ name: 'manifest_sha256', type: 'text' }) manifestSha256: string;
  @Column({ type: 'text', default: 'exported' }) status: SedPackageStatus;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @ForeignKey('User', { name: 'sed_export_packages_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
}

/** A receipt applied (once per package). */
@Entity('sed_export_receipts')
export class SedExportReceipt {
  @PrimaryColumn('uuid', { name: 'package_id', primaryKeyConstraintName: 'sed_export_receipts_pkey' }) packageId: string;
  @Column({ name: 'processed_at', type: 'timestamptz' }) processedAt: Date;
  @Column({ name: 'accepted_count', type: 'integer' }) acceptedCount: number;
  @Column({ name: 'unknown_numbers', type: 'bigint', array: true, transformer: bigintArray }) unknownNumbers: number[];
}
