import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Role } from '@otklik/shared/domain';
import { Department } from './department.entity';

@Entity('users')
@Unique('users_email_normalized_key', ['emailNormalized'])
@Check('users_role_check', `role IN ('citizen', 'operator', 'supervisor', 'admin')`)
@Index('users_department', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' }) id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'email_normalized', type: 'text' }) emailNormalized: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash: string | null;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ type: 'text', nullable: true }) position: string | null;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @ManyToOne(() => Department, { nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'users_department_id_fkey' })
  department?: Department;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
