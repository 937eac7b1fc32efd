import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A solved ALTCHA challenge, remembered until it expires so one solution is not replayed. */
@Entity('captcha_spent')
export class CaptchaSpent {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'captcha_spent_pkey' }) signature: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
}
