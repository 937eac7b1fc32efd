import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A spent single-use proof, remembered until it expires so it is not replayed: a solved ALTCHA
 * challenge (keyed by its signature), a completed sign-in step token (`sign-in-step:<jti>`), or
 * the TOTP time step a user's code was accepted for (`totp-used:<user>:<step>`).
 */
@Entity('captcha_spent')
export class CaptchaSpent {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'captcha_spent_pkey' }) signature: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
}
