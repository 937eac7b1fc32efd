import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AppealPriority, AppealStatus, AppealType } from '@otklik/shared/domain';
import { Category } from '../catalog/category.entity';
import { Department } from '../users/department.entity';
import { User } from '../users/user.entity';

const bigintAsNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** Russian stems Cyrillic words, English stems Latin ones; the subject weighs more than the text. */
export const APPEAL_SEARCH_EXPRESSION =
  "setweight(to_tsvector('russian', subject), 'A') || setweight(to_tsvector('russian', body), 'B') || " +
  "setweight(to_tsvector('english', subject), 'C') || setweight(to_tsvector('english', body), 'D')";

@Entity('appeals')
@Unique('appeals_number_key', ['number'])
@Check('appeals_check', `(status = 'draft') = (number IS NULL)`)
@Check(
  'appeals_author_check',
  `(citizen_id IS NOT NULL AND NOT unidentified) OR (citizen_id IS NULL AND unidentified AND access_code_hash IS NOT NULL)`,
)
// Ordered and partial indexes are written in the migrations (TypeORM cannot describe DESC keys).
@Index('appeals_citizen_newest', { synchronize: false })
@Index('appeals_queue_due', { synchronize: false })
@Index('appeals_queue_registered', { synchronize: false })
@Index('appeals_queue_all_due', { synchronize: false })
@Index('appeals_assignee', { synchronize: false })
@Index('appeals_search', { synchronize: false })
export class Appeal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeals_pkey' }) id: string;
  /** Human number, assigned at registration from a sequence: unique and never reused. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber }) number: number | null;
  /** The author's account; null for unidentified feedback. */
  @Column({ name: 'citizen_id', type: 'uuid', nullable: true }) citizenId: string | null;
  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'appeals_citizen_id_fkey' })
  citizen?: User;
  @Column({ type: 'text' }) type: AppealType;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @ManyToOne(() => Category)
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'appeals_category_id_fkey' })
  category?: Category;
  @Column({ name: 'subcategory_id', type: 'uuid', nullable: true }) subcategoryId: string | null;
  @ManyToOne(() => Category, { nullable: true })
  @JoinColumn({ name: 'subcategory_id', foreignKeyConstraintName: 'appeals_subcategory_id_fkey' })
  subcategory?: Category;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text', default: 'normal' }) priority: AppealPriority;
  @Column({ name: 'desired_answer_date', type: 'date', nullable: true }) desiredAnswerDate: string | null;
  @Column({ name: 'extra_fields', type: 'jsonb', default: () => "'{}'" }) extraFields: Record<string, any>;
  /** Contact details (phone, e-mail, postal address): personal data, encrypted at rest. */
  @Column({ name: 'contact_encrypted', type: 'text', nullable: true }) contactEncrypted: string | null;
  @Column({ type: 'text' }) status: AppealStatus;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'appeals_department_id_fkey' })
  department?: Department;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'appeals_assignee_id_fkey' })
  assignee?: User;
  @Column({ type: 'boolean', default: false }) important: boolean;
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  /** Filed without an account (tracked by number + access code); 59-ФЗ: not an identified appeal. */
  @Column({ type: 'boolean', default: false }) unidentified: boolean;
  /** SHA-256 of the access code of an unidentified appeal. */
  @Column({ name: 'access_code_hash', type: 'text', nullable: true, select: false }) accessCodeHash: string | null;
  /** 59-ФЗ ст. 11: no surname or no address to answer to — registered, no answer on the merits. */
  @Column({ name: 'no_answer_required', type: 'boolean', default: false }) noAnswerRequired: boolean;
  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true }) registeredAt: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true }) firstResponseDueAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn({ default: 1 }) version: number;
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, generatedType: 'STORED', asExpression: APPEAL_SEARCH_EXPRESSION, select: false, insert: false, update: false })
  searchVector?: string;
}
