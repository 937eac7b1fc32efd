import { DataSourceOptions } from 'typeorm';

/**
 * The role the application's queries run as (created by the AuditChain migration): every table
 * of the schema except UPDATE, DELETE and TRUNCATE on the audit tables. The app connects as
 * whatever DATABASE_URL (or the embedded server) names — a superuser in both runtime modes here —
 * and every pooled connection switches to this role at start-up (the `role` setting in the
 * startup packet, as `SET ROLE`), so a stray or injected UPDATE of an audit row is refused by
 * the privilege system before the trigger. Migrations use their own connection and stay owner.
 * A production deployment may instead log in as a member of otklik_app that is no superuser.
 */
export const APP_DB_ROLE = 'otklik_app';

/**
 * `settings` are further session settings for every pooled connection (names and values are
 * identifiers of ours, never input), e.g. the outbox's `otklik.outbox_notify`.
 */
export function asAppRole(options: DataSourceOptions, settings: Record<string, string> = {}): DataSourceOptions {
  const extra: Record<string, unknown> = (options as { extra?: Record<string, unknown> }).extra ?? {};
  const all = { role: APP_DB_ROLE, ...settings };
  for (const [name, value] of Object.entries(all)) {
    if (!/^[a-z_][a-z0-9_.]*$/.test(name) || !/^[a-z0-9_]+$/.test(value)) throw new Error(`not a session setting: ${name}=${value}`);
  }
  return { ...options, extra: { ...extra, options: Object.entries(all).map(([name, value]) => `-c ${name}=${value}`).join(' ') } };
}
