import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failure counter and back-off of one account (`user:<id>`) or client IP (`ip:<addr>`). */
@Entity('auth_lockouts')
export class AuthLockout {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'auth_lockouts_pkey' }) key: string;
  @Column({ type: 'integer', default: 0 }) failures: number;
  /** How many lockouts in a row; each doubles the next one. */
  @Column({ type: 'integer', default: 0 }) level: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
