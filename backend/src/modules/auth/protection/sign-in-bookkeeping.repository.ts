import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The auth module's short-lived tables, emptied of what has lapsed (housekeeping calls this hourly). */
@Injectable()
export class SignInBookkeeping {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Rate-limit events outlive their longest window (1 h) by a day at most; lapsed registrations,
   * spent codes and CAPTCHAs, and lockouts idle for a day go too. Idempotent.
   */
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`
      DELETE FROM rate_events WHERE created_at < now() - interval '1 day';
      DELETE FROM captcha_spent WHERE expires_at < now();
      DELETE FROM pending_registrations WHERE expires_at < now();
      DELETE FROM one_time_codes WHERE expires_at < now() - interval '1 day';
      DELETE FROM auth_lockouts WHERE updated_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now());
    `);
  }
}
