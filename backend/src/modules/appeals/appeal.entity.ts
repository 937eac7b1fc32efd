import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AnswerChannel, AppealChannel, AppealPriority, AppealStatus, AppealType, ProposableAction, ReviewOutcome } from '@otklik/shared/domain';

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
  `(citizen_id IS NOT NULL AND NOT unidentified) OR (citizen_id IS NULL AND unidentified AND access_code_hash IS NOT NULL) OR (citizen_id IS NULL AND NOT unidentified AND channel IN ('phone', 'email', 'post', 'in_person'))`,
)
@Check('appeals_channel_check', `channel IN ('account', 'anonymous', 'phone', 'email', 'post', 'in_person')`)
// Ordered and partial indexes are written in the migrations (TypeORM cannot describe DESC keys).
@Index('appeals_citizen_newest', { synchronize: false })
@Index('appeals_answers_to_print', { synchronize: false })
@Index('appeals_queue_due', { synchronize: false })
@Index('appeals_queue_registered', { synchronize: false })
@Index('appeals_queue_all_due', { synchronize: false })
@Index('appeals_assignee', { synchronize: false })
@Index('appeals_search', { synchronize: false })
@Index('appeals_parent', { synchronize: false })
// The SLA scheduler's partial indexes (migration 1764500000000-SlaPolicies).
@Index('appeals_sla_overdue', { synchronize: false })
@Index('appeals_sla_reminder', { synchronize: false })
@Index('appeals_sla_first_reaction', { synchronize: false })
@Index('appeals_sla_auto_close', { synchronize: false })
@Index('appeals_retention', { synchronize: false })
@Index('appeals_escalated_to', { synchronize: false })
@Index('appeals_documents_due', { synchronize: false })
// The re-review list (migration 1765340000000-Reporting).
@Index('appeals_rereview', { synchronize: false })
// Re-reviews recorded, by time (migration 1765470000000-ReReview).
@Index('appeals_reviewed', { synchronize: false })
// Linked duplicates (migration 1765450000000-StaffIntake).
@Index('appeals_merged_into', { synchronize: false })
// The recurring-problem watch's count (migration 1765450000002-RecurringProblems).
@Index('appeals_recurring', { synchronize: false })
@Index('appeals_registered', { synchronize: false })
// A citizen's appeals in a category, for the reports' repeat fact (migration 1765490100000-ReportRepeatFacts).
@Index('appeals_repeat_group', { synchronize: false })
// The reports' open-appeal groups and oldest open appeals (migration 1765490100002-ReportOpenAppeals).
@Index('appeals_open_groups', { synchronize: false })
@Index('appeals_open_oldest', { synchronize: false })
@Check('appeals_rating_check', 'rating IS NULL OR rating BETWEEN 1 AND 5')
@Check('appeals_review_outcome_check', `review_outcome IS NULL OR review_outcome IN ('upheld', 'reopened')`)
@Check('appeals_answer_channel_check', `answer_channel IN ('cabinet', 'email', 'post')`)
@Check('appeals_thanked_staff_check', `thanked_staff_id IS NULL OR type = 'gratitude'`)
// Postal answers waiting to be printed (migration 1765460000002-AnswerChannel).
@Index('appeals_postal_answers', { synchronize: false })
@Check(
  'appeals_pending_proposal_check',
  `pending_proposal IS NULL OR (pending_proposal->>'action' IN ('terminate-correspondence', 'extend', 'no-answer-required') AND status = 'awaiting_approval')`,
)
export class Appeal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeals_pkey' }) id: string;
  /** Human number, assigned at registration from a sequence: unique and never reused. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber }) number: number | null;
  /** The author's account; null for unidentified feedback. */
  @ForeignKey('User', { name: 'appeals_citizen_id_fkey' })
  @Column({ name: 'citizen_id', type: 'uuid', nullable: true }) citizenId: string | null;
  @Column({ type: 'text' }) type: AppealType;
  @ForeignKey('Category', { name: 'appeals_category_id_fkey' })
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @ForeignKey('Category', { name: 'appeals_subcategory_id_fkey' })
  @Column({ name: 'subcategory_id', type: 'uuid', nullable: true }) subcategoryId: string | null;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text', default: 'normal' }) priority: AppealPriority;
  @Column({ name: 'desired_answer_date', type: 'date', nullable: true }) desiredAnswerDate: string | null;
  @Column({ name: 'extra_fields', type: 'jsonb', default: () => "'{}'" }) extraFields: Record<string, any>;
  /** The version of the category's extra-field schema the appeal was filed under; null when it had none. */
  @Column({ name: 'extra_fields_schema_version', type: 'integer', nullable: true }) extraFieldsSchemaVersion: number | null;
  /** Contact details (phone, e-mail, postal address): personal data, encrypted at rest. */
  @Column({ name: 'contact_encrypted', type: 'text', nullable: true }) contactEncrypted: string | null;
  @Column({ type: 'text' }) status: AppealStatus;
  @ForeignKey('Department', { name: 'appeals_department_id_fkey' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @ForeignKey('User', { name: 'appeals_assignee_id_fkey' })
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
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

  // Workflow state (issue 5): flags beside the status and the SLA clock.
  /** Escalated to the parent department (overdue) or to management (by the citizen). */
  @Column({ type: 'boolean', default: false }) escalated: boolean;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  /** The department the escalation went to (the parent of the handling one, or itself at the top): it oversees the appeal. */
  @ForeignKey('Department', { name: 'appeals_escalated_to_department_id_fkey' })
  @Column({ name: 'escalated_to_department_id', type: 'uuid', nullable: true }) escalatedToDepartmentId: string | null;
  /** The deadline was extended (once per appeal). */
  @Column({ type: 'boolean', default: false }) extended: boolean;
  /** Set while the clock is paused (awaiting_citizen); the deadlines move on by the pause on resume. */
  @Column({ name: 'sla_paused_at', type: 'timestamptz', nullable: true }) slaPausedAt: Date | null;
  /** The first staff reaction (take, assign, message, answer), against firstResponseDueAt. */
  @Column({ name: 'first_reaction_at', type: 'timestamptz', nullable: true }) firstReactionAt: Date | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true }) overdueAt: Date | null;
  /** When the assignee was reminded of the coming deadline (once per deadline). */
  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true }) reminderSentAt: Date | null;
  /** When the scheduler reported the first reaction late (once per appeal). */
  @Column({ name: 'first_reaction_overdue_at', type: 'timestamptz', nullable: true }) firstReactionOverdueAt: Date | null;
  /** The appeal this one disputes (decision_appeal) or re-files (resubmit). */
  @Column({ name: 'parent_appeal_id', type: 'uuid', nullable: true }) parentAppealId: string | null;
  @ManyToOne(() => Appeal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_appeal_id', foreignKeyConstraintName: 'appeals_parent_appeal_id_fkey' })
  parentAppeal?: Appeal;
  /** Clarification requests and disputes after answers: two make «Обращение к руководству» possible. */
  @Column({ name: 'unsuccessful_rounds', type: 'integer', default: 0 }) unsuccessfulRounds: number;
  @Column({ type: 'smallint', nullable: true }) rating: number | null;
  @Column({ name: 'rating_comment', type: 'text', nullable: true }) ratingComment: string | null;
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true }) ratedAt: Date | null;
  /** On the supervisor's re-review list (a rating below 3 with a comment). */
  @Column({ type: 'boolean', default: false }) rereview: boolean;
  /** What the supervisor's re-review concluded (ReviewOutcome), and when: the appeal leaves the list. */
  @Column({ name: 'review_outcome', type: 'varchar', length: 16, nullable: true }) reviewOutcome: ReviewOutcome | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  /** The date by which the citizen was asked to bring the requested documents. */
  @Column({ name: 'documents_due_on', type: 'date', nullable: true }) documentsDueOn: string | null;
  /** The documents due date the citizen was reminded of (once per request: a new date earns a new reminder). */
  @Column({ name: 'documents_reminded_for', type: 'date', nullable: true }) documentsRemindedFor: string | null;
  /** The citizen asked to keep the appeal past the retention period, until this date. */
  @Column({ name: 'retention_extended_until', type: 'date', nullable: true }) retentionExtendedUntil: string | null;
  /** 59-ФЗ ст. 11 ч. 5: the correspondence on a repeated question was stopped, the citizen told. */
  @Column({ name: 'correspondence_terminated', type: 'boolean', default: false }) correspondenceTerminated: boolean;
  /** The operator's proposal awaiting the supervisor's decision (59-ФЗ guardrails); null when none. */
  @Column({ name: 'pending_proposal', type: 'jsonb', nullable: true }) pendingProposal: PendingProposal | null;
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true }) anonymisedAt: Date | null;
  /** The body's document-management system (СЭД) accepted the appeal: a receipt of a СЭД export named it. */
  @Column({ name: 'transferred_to_sed_at', type: 'timestamptz', nullable: true }) transferredToSedAt: Date | null;
  /** The number the СЭД registered the appeal under, when its receipt gave one. */
  @Column({ name: 'sed_registration_number', type: 'text', nullable: true }) sedRegistrationNumber: string | null;
  /** How the appeal came: the citizen's account, unidentified feedback, or registered by an operator from phone, e-mail, post or in person. */
  @Column({ type: 'text', default: 'account' }) channel: AppealChannel;
  /** When the body received an appeal registered by an operator (its deadlines count from it); null when filed online. */
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  /** The legal entity the appeal is filed for (its representative is the author); null for a person's own appeal. */
  @Column({ type: 'jsonb', nullable: true }) organisation: AppealOrganisation | null;
  /** The main appeal this likely duplicate was linked to: it keeps its number and gets the main appeal's answer. */
  @Column({ name: 'merged_into_appeal_id', type: 'uuid', nullable: true }) mergedIntoAppealId: string | null;
  @ManyToOne(() => Appeal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_appeal_id', foreignKeyConstraintName: 'appeals_merged_into_appeal_id_fkey' })
  mergedInto?: Appeal;
  /** How the citizen wants the answer (issue 18): in the cabinet, by e-mail, or printed and posted (the operator prints the signed PDF). */
  @Column({ name: 'answer_channel', type: 'text', default: 'cabinet' }) answerChannel: AnswerChannel;
  /** A gratitude's employee thanked: one of the staff who handled the citizen's appeals (issue 18). */
  @ForeignKey('User', { name: 'appeals_thanked_staff_id_fkey' })
  @Column({ name: 'thanked_staff_id', type: 'uuid', nullable: true }) thankedStaffId: string | null;
  /** A postal answer: when the operator printed the signed answer to post it (null: not yet, or a newer answer since). */
  @Column({ name: 'answer_printed_at', type: 'timestamptz', nullable: true }) answerPrintedAt: Date | null;
  /** Who printed it. */
  @ForeignKey('User', { name: 'appeals_answer_printed_by_fkey' })
  @Column({ name: 'answer_printed_by', type: 'uuid', nullable: true }) answerPrintedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn({ default: 1 }) version: number;
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, generatedType: 'STORED', asExpression: APPEAL_SEARCH_EXPRESSION, select: false, insert: false, update: false })
  searchVector?: string;
}

/** A legal entity as an applicant: ИНН (10 digits) and ОГРН (13 digits), checksums validated at the edge. */
export interface AppealOrganisation {
  name: string;
  inn: string;
  ogrn: string;
  /** The representative's authority (a power of attorney, the director's post). */
  representativeBasis?: string;
}

/** What an operator proposed and a supervisor decides on: the action with its own fields, and why. */
export interface PendingProposal {
  action: ProposableAction;
  /** The fields the action needs (grounds, notice, days, repeated appeals…), as the operator sent them. */
  body: Record<string, any>;
  /** The operator's reasoning for the supervisor. */
  reason: string;
  proposedBy: string;
  proposedByName: string;
  proposedAt: string;
}
