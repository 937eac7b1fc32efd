import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Expiring } from '../../../common/cache/expiring';
import { TransactionRunner } from '../../../database/transaction-runner';
import { Channel, Locale, NoticeKind } from '../catalogue/notice-kinds';
import { NoticeTemplates } from '../catalogue/templates';
import { NoticeTemplateOverride } from './notice-template.entity';

/**
 * How long a process keeps the admins' templates before it reads them again. The process that
 * saved a change drops its copy at once; every other process (more API nodes, the workers) uses
 * the new text at most this long after the change commits.
 */
export const NOTICE_TEMPLATE_CACHE_MS = 5_000;

const key = (kind: string, channel: string, locale: string) => `${kind}/${channel}/${locale}`;

/** The admins' notice templates (this module's table), and the copy the planner reads on every event batch. */
@Injectable()
export class NoticeTemplateOverrides {
  private readonly cache = new Expiring<ReadonlyMap<string, NoticeTemplateOverride>>(NOTICE_TEMPLATE_CACHE_MS);

  constructor(private readonly tx: TransactionRunner) {}

  /** The templates to render a kind with in a locale, channel by channel (cached). */
  async forNotice(kind: NoticeKind, locale: Locale): Promise<NoticeTemplates> {
    return this.pick(await this.current(), kind, locale);
  }

  /** Every template, cached: the planner looks up each recipient's kind × locale in it. */
  current(): Promise<ReadonlyMap<string, NoticeTemplateOverride>> {
    return this.cache.get(async () => new Map((await this.all()).map((t) => [key(t.kind, t.channel, t.locale), t])));
  }

  pick(all: ReadonlyMap<string, NoticeTemplateOverride>, kind: NoticeKind, locale: Locale): NoticeTemplates {
    const out: NoticeTemplates = {};
    for (const channel of ['email', 'sms', 'push', 'in_app'] as const) {
      const t = all.get(key(kind, channel, locale));
      if (t) out[channel] = { subject: t.subject, body: t.body };
    }
    return out;
  }

  all(manager: EntityManager = this.tx.manager): Promise<NoticeTemplateOverride[]> {
    return manager.getRepository(NoticeTemplateOverride).find({ order: { kind: 'ASC', channel: 'ASC', locale: 'ASC' } });
  }

  /** The row, locked for the change (null: the built-in text is in use). */
  locked(manager: EntityManager, kind: NoticeKind, channel: Channel, locale: Locale): Promise<NoticeTemplateOverride | null> {
    return manager.getRepository(NoticeTemplateOverride).createQueryBuilder('t').setLock('pessimistic_write').where({ kind, channel, locale }).getOne();
  }

  /**
   * Writes the template. Two first saves at once: the second waits on the first's insert and then
   * counts its version on from it (ON CONFLICT), so the versions stay a sequence.
   */
  async save(manager: EntityManager, row: { kind: NoticeKind; channel: Channel; locale: Locale; subject: string | null; body: string; updatedBy: string }): Promise<NoticeTemplateOverride> {
    const [saved] = await manager.query<NoticeTemplateOverride[]>(
      `INSERT INTO notification_templates (kind, channel, locale, subject, body, version, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, 1, now(), $6)
       ON CONFLICT (kind, channel, locale) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
         version = notification_templates.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING kind, channel, locale, subject, body, version, updated_at AS "updatedAt", updated_by AS "updatedBy"`,
      [row.kind, row.channel, row.locale, row.subject, row.body, row.updatedBy],
    );
    return saved;
  }

  async remove(manager: EntityManager, kind: NoticeKind, channel: Channel, locale: Locale): Promise<void> {
    await manager.getRepository(NoticeTemplateOverride).delete({ kind, channel, locale });
  }

  /** After a change commits: this process uses the new text from the next event on. */
  invalidate(): void {
    this.cache.invalidate();
  }
}
