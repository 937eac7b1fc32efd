import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../../common/http/actor';
import { DomainError, FieldError, NotFoundError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { TransactionRunner } from '../../../database/transaction-runner';
import { AuditService } from '../../audit/audit.service';
import { CHANNELS, Channel, Locale, NOTICE_KIND_SPECS, NOTICE_KINDS, NoticeKind, RenderedNotice } from '../catalogue/notice-kinds';
import { CHANNELS_WITH_SUBJECT, fillTemplate, placeholdersOf, placeholderValues, sampleFacts, unknownPlaceholders } from '../catalogue/notice-placeholders';
import { wordsOf } from '../catalogue/notice-text';
import { SMS_MAX_SEGMENTS, smsSegments } from '../catalogue/sms-segments';
import { defaultTemplate, NoticeTemplate, renderNotice, smsPieces } from '../catalogue/templates';
import { NoticeTemplateOverride } from './notice-template.entity';
import { NoticeTemplateOverrides } from './notice-templates.repository';
import {
  NOTICE_LANGUAGES,
  NotificationTemplateDto,
  NotificationTemplateInputDto,
  NotificationTemplatePreviewDto,
  NotificationTemplatePreviewInputDto,
  NoticeTemplateOverrideDto,
  SmsSizeDto,
} from './notification-templates.dto';

type Key = { kind: NoticeKind; channel: Channel; locale: Locale };

const overrideDto = (t: NoticeTemplateOverride): NoticeTemplateOverrideDto => ({
  subject: t.subject,
  body: t.body,
  version: t.version,
  updatedAt: new Date(t.updatedAt).toISOString(),
  updatedBy: t.updatedBy,
});

/** What an audit row compares of a template, before → after. */
const audited = (t: NoticeTemplateOverride | null) => (t ? { subject: t.subject, body: t.body, version: t.version } : null);

const size = (text: string): SmsSizeDto => ({ ...smsSegments(text), maxSegments: SMS_MAX_SEGMENTS });

/**
 * Notification templates (issue 16): admins replace the built-in text of a notice kind on a
 * channel in a language, preview it with sample facts, and return to the built-in text. A text
 * may use only the placeholders the kind gives on that channel (422 unknown_placeholder naming
 * them); an SMS must fit two segments with the sample facts (422 sms_too_long). Each change is one
 * transaction with its audit row (before → after); the planner picks it up at once in this
 * process and within NOTICE_TEMPLATE_CACHE_MS in the others.
 */
@Injectable()
export class NotificationTemplatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly templates: NoticeTemplateOverrides,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<NotificationTemplateDto[]> {
    const saved = new Map((await this.templates.all()).map((t) => [`${t.kind}/${t.channel}/${t.locale}`, t]));
    return NOTICE_KINDS.flatMap((kind) =>
      CHANNELS.flatMap((channel) =>
        NOTICE_LANGUAGES.map((locale) => {
          const override = saved.get(`${kind}/${channel}/${locale}`);
          return {
            kind,
            channel,
            locale,
            audience: NOTICE_KIND_SPECS[kind].audience,
            hasSubject: CHANNELS_WITH_SUBJECT.includes(channel),
            placeholders: placeholdersOf(kind, channel),
            builtIn: defaultTemplate(kind, locale, channel),
            override: override ? overrideDto(override) : null,
          };
        }),
      ),
    );
  }

  async save(actor: Actor, kind: string, channel: string, locale: string, dto: NotificationTemplateInputDto): Promise<NotificationTemplateDto> {
    const key = this.key(kind, channel, locale);
    const text = this.checked(key, dto);
    await this.tx.run(async (manager) => {
      const before = await this.templates.locked(manager, key.kind, key.channel, key.locale);
      const after = await this.templates.save(manager, { ...key, ...text, updatedBy: actor.userId });
      await this.audit.record(manager, actor, {
        action: 'notification_template.update',
        entityType: 'notification_template',
        entityId: `${key.kind}/${key.channel}/${key.locale}`,
        details: { kind: key.kind, channel: key.channel, locale: key.locale, version: after.version },
        change: { before: audited(before), after: audited(after) },
      });
    });
    this.templates.invalidate();
    return this.one(key);
  }

  async reset(actor: Actor, kind: string, channel: string, locale: string): Promise<void> {
    const key = this.key(kind, channel, locale);
    await this.tx.run(async (manager) => {
      const before = await this.templates.locked(manager, key.kind, key.channel, key.locale);
      if (!before) throw new NotFoundError('notification_template');
      await this.templates.remove(manager, key.kind, key.channel, key.locale);
      await this.audit.record(manager, actor, {
        action: 'notification_template.reset',
        entityType: 'notification_template',
        entityId: `${key.kind}/${key.channel}/${key.locale}`,
        details: { kind: key.kind, channel: key.channel, locale: key.locale },
        change: { before: audited(before), after: null },
      });
    });
    this.templates.invalidate();
  }

  /**
   * One channel of a kind rendered with sample facts: the draft when a body is given (checked as
   * a save would be), else the text in use (the override, or the built-in one). The facts are made
   * up: no appeal's data is read.
   */
  async preview(dto: NotificationTemplatePreviewInputDto): Promise<NotificationTemplatePreviewDto> {
    const key: Key = { kind: dto.kind, channel: dto.channel, locale: dto.locale };
    const draft = dto.body !== undefined && dto.body !== null ? this.checked(key, { subject: dto.subject, body: dto.body }) : null;
    const saved = draft ? null : (await this.templates.all()).find((t) => t.kind === key.kind && t.channel === key.channel && t.locale === key.locale);
    const template: NoticeTemplate | null = draft ?? (saved ? { subject: saved.subject, body: saved.body } : null);
    const facts = this.sample(key);
    const rendered = renderNotice(key.kind, key.locale, facts, template ? { [key.channel]: template } : {});
    const unfitted = key.channel === 'sms' ? smsPieces(template?.body ?? defaultTemplate(key.kind, key.locale, 'sms').body, placeholderValues(wordsOf(facts, key.locale))).map((p) => p.text).join('') : null;
    return { channel: key.channel, ...this.pickChannel(rendered, key.channel), sms: key.channel === 'sms' ? size(rendered.sms) : null, smsUnfitted: unfitted === null ? null : size(unfitted) };
  }

  private pickChannel(r: RenderedNotice, channel: Channel): Pick<NotificationTemplatePreviewDto, 'subject' | 'text' | 'html'> {
    switch (channel) {
      case 'email':
        return { subject: r.email.subject, text: r.email.text, html: r.email.html };
      case 'sms':
        return { subject: null, text: r.sms, html: null };
      case 'push':
        return { subject: r.push.title, text: r.push.body, html: null };
      case 'in_app':
        return { subject: r.inApp.title, text: r.inApp.body, html: null };
    }
  }

  private sample(key: Key) {
    return sampleFacts(key.kind, key.locale, { citizen: this.config.citizenAppUrl, console: this.config.publicUrl });
  }

  private async one(key: Key): Promise<NotificationTemplateDto> {
    return (await this.list()).find((t) => t.kind === key.kind && t.channel === key.channel && t.locale === key.locale)!;
  }

  /** The path's kind, channel and language; anything else is no template (404). */
  private key(kind: string, channel: string, locale: string): Key {
    if (!(NOTICE_KINDS as readonly string[]).includes(kind) || !(CHANNELS as readonly string[]).includes(channel) || !(NOTICE_LANGUAGES as readonly string[]).includes(locale)) {
      throw new NotFoundError('notification_template');
    }
    return { kind: kind as NoticeKind, channel: channel as Channel, locale: locale as Locale };
  }

  /** A text the channel can carry: a subject where it has one (none on SMS), known placeholders only, an SMS within the limit. */
  private checked(key: Key, dto: { subject?: string | null; body: string }): NoticeTemplate {
    const errors: FieldError[] = [];
    const hasSubject = CHANNELS_WITH_SUBJECT.includes(key.channel);
    const subject = dto.subject?.trim() ? dto.subject.trim() : null;
    if (hasSubject && !subject) errors.push({ field: 'subject', code: 'required', message: '' });
    if (!hasSubject && dto.subject !== undefined && dto.subject !== null) errors.push({ field: 'subject', code: 'subject_not_allowed', message: 'SMS has no subject' });
    if (!dto.body.trim()) errors.push({ field: 'body', code: 'isNotEmpty', message: '' });
    if (errors.length) throw new ValidationFailedError(errors);
    const allowed = placeholdersOf(key.kind, key.channel);
    const unknown = [...new Set([...unknownPlaceholders(subject ?? '', allowed), ...unknownPlaceholders(dto.body, allowed)])];
    if (unknown.length) {
      const fields: FieldError[] = [];
      if (unknownPlaceholders(subject ?? '', allowed).length) fields.push({ field: 'subject', code: 'unknown_placeholder', message: '' });
      if (unknownPlaceholders(dto.body, allowed).length) fields.push({ field: 'body', code: 'unknown_placeholder', message: '' });
      throw new DomainError(422, 'unknown_placeholder', { names: unknown.join(', '), allowed: allowed.join(', ') }, fields, { unknownPlaceholders: unknown, allowedPlaceholders: allowed });
    }
    const template = { subject: hasSubject ? subject : null, body: dto.body.replace(/\r\n/g, '\n') };
    if (key.channel === 'sms') {
      const text = fillTemplate(template.body, placeholderValues(wordsOf(this.sample(key), key.locale)));
      const measured = size(text);
      if (measured.segments > SMS_MAX_SEGMENTS) {
        throw new DomainError(422, 'sms_too_long', { segments: measured.segments, max: SMS_MAX_SEGMENTS }, [{ field: 'body', code: 'sms_too_long', message: '' }], { sms: measured });
      }
    }
    return template;
  }
}
