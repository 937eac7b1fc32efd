import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AppealPriority, AppealStatus, AppealType } from '@otklik/shared/domain';

const bigintAsNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('appeals')
export class Appeal {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Human number, assigned at registration from a sequence: unique and never reused. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber }) number: number | null;
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ type: 'text' }) type: AppealType;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @Column({ name: 'subcategory_id', type: 'uuid', nullable: true }) subcategoryId: string | null;
  @Column() subject: string;
  @Column() body: string;
  @Column({ type: 'text' }) priority: AppealPriority;
  @Column({ name: 'desired_answer_date', type: 'date', nullable: true }) desiredAnswerDate: string | null;
  @Column({ name: 'extra_fields', type: 'jsonb' }) extraFields: Record<string, any>;
  /** Contact details (phone, e-mail, postal address): personal data, encrypted at rest. */
  @Column({ name: 'contact_encrypted', type: 'text', nullable: true }) contactEncrypted: string | null;
  @Column({ type: 'text' }) status: AppealStatus;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column() important: boolean;
  @Column() overdue: boolean;
  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true }) registeredAt: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true }) firstResponseDueAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
