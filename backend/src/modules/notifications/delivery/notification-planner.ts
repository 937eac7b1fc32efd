import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Counter } from 'prom-client';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../database/transaction-runner';
import { AppealStatus, HistoryEvent, Role, isStaff } from '@otklik/shared/domain';
import { Clock } from '../../../common/clock/clock';
import { PersonalDataCipher } from '../../../common/crypto/personal-data-cipher';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { AppealFactsReader, AppealNoticeFacts } from '../../appeals/appeal-facts.repository';
import { AuditService } from '../../audit/audit.service';
import { maskEmail } from '../../messaging/mailer';
import { maskPhone } from '../../messaging/sms-sender';
import { DOMAIN_EVENT_TYPES, DispatchedEvent, DomainEventType } from '../../outbox/domain-event';
import { EventConsumer, EventConsumers } from '../../outbox/event-consumers';
import { StaffDirectory } from '../../users/staff-directory.repository';
import { UserAccounts } from '../../users/user-accounts.repository';
import { noticesOf, NoticeTarget } from '../catalogue/event-notices';
import { CHANNELS, Channel, Locale, NoticeFacts, NoticeKind } from '../catalogue/notice-kinds';
import { NoticeRenderer, noticeRenderer } from '../catalogue/templates';
import { InboxItem, NewInboxItem, NotificationInbox } from '../inbox/notification-inbox.repository';
import { NotificationStream } from '../inbox/notification-stream';
import { DEFAULT_PREFERENCES, Preferences, channelOn, nextDigestAt, sendableAt } from '../preferences/preferences';
import { NotificationPreferences } from '../preferences/notification-preferences.service';
import { NoticeTemplateOverrides } from '../templates/notice-templates.repository';
import { AddedDelivery, ChannelContent, NewDelivery, NotificationDeliveries } from './notification-deliveries.repository';

/** An in-app item the plan added, with the user it belongs to. */
type AddedInboxItem = InboxItem & { userId: string };
import { NotificationSender } from './notification-sender.service';

const plannedTotal = new Counter({ name: 'otklik_notifications_planned_total', help: 'Notices planned, by channel and initial state', labelNames: ['channel', 'state'] });

/**
 * The 59-ФЗ ст. 11 steps: the notice they post is the statutory ground the citizen is told of. The
 * step's comment is not: on an approved proposal it is the approver's word («Согласен»).
 */
const LAW_NOTICE_EVENTS: ReadonlySet<string> = new Set([`appeal.${HistoryEvent.NoAnswerRequired}`, `appeal.${HistoryEvent.CorrespondenceTerminated}`]);

type Recipient =
  | { kind: 'user'; id: string; kindOfNotice: NoticeKind }
  | { kind: 'contact'; id: string; kindOfNotice: NoticeKind; contactEncrypted: string };

/**
 * The notifications consumer of domain events. For each event it decides who is told what
 * (the catalogue's mapping), reads each recipient's preferences and addresses, renders the notice
 * in their language, and — in one transaction — adds the in-app items and one delivery record per
 * recipient × channel (pending, held for the morning in quiet hours, or kept for the digest).
 * After the commit it pushes the in-app items to open streams and hands the pending deliveries to
 * the sender. Redelivery of the event adds nothing: every row is keyed by the event.
 */
@Injectable()
export class NotificationPlanner implements OnModuleInit, EventConsumer {
  readonly name = 'notifications';
  readonly events: readonly DomainEventType[] = DOMAIN_EVENT_TYPES;
  private readonly logger = new Logger(NotificationPlanner.name);

  constructor(
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consumers: EventConsumers,
    private readonly appeals: AppealFactsReader,
    private readonly accounts: UserAccounts,
    private readonly staff: StaffDirectory,
    private readonly preferences: NotificationPreferences,
    private readonly inbox: NotificationInbox,
    private readonly deliveries: NotificationDeliveries,
    private readonly stream: NotificationStream,
    private readonly sender: NotificationSender,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly templates: NoticeTemplateOverrides,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  handle(event: DispatchedEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /**
   * Plans a batch of events in one go: one read of the appeals, of the recipients' preferences,
   * addresses and devices, one transaction for every row; a batch that fails is retried event by
   * event by the runner.
   */
  async handleBatch(events: DispatchedEvent[]): Promise<void> {
    const wanted = events.map((event) => ({ event, targets: noticesOf(event) })).filter((w) => w.targets.length > 0);
    if (wanted.length === 0) return;
    const appeals = await this.appeals.factsOfMany([...new Set(wanted.filter((w) => w.event.aggregateType === 'appeal').map((w) => w.event.aggregateId))]);
    const staffOf = new Map<string, Promise<string[]>>();
    // An event of the audit module's alerts or of a webhook subscription concerns no appeal: admins are told, with its own facts.
    const planned: { event: DispatchedEvent; appeal: AppealNoticeFacts | null; recipients: Recipient[] }[] = [];
    for (const { event, targets } of wanted) {
      if (event.aggregateType !== 'appeal') {
        // A recurring problem goes to supervisors; an alert or a disabled webhook to admins.
        const staff = targets[0].to === 'supervisors' ? await this.staff.activeSupervisors() : await this.staff.activeAdmins();
        const kindOfNotice = targets[0].kind;
        const recipients: Recipient[] = staff.map((id) => ({ kind: 'user', id, kindOfNotice }));
        if (recipients.length) planned.push({ event, appeal: null, recipients });
        continue;
      }
      const appeal = appeals.get(event.aggregateId);
      if (!appeal) continue; // destroyed by retention meanwhile: nothing to tell
      const recipients = await this.recipientsOf(event, targets, appeal, staffOf);
      if (recipients.length) planned.push({ event, appeal, recipients });
    }
    if (planned.length === 0) return;
    const userIds = [...new Set(planned.flatMap((p) => p.recipients.filter((r) => r.kind === 'user').map((r) => r.id)))];
    // Settings and devices in one statement, beside the accounts' addresses (a device matters only on a push channel the recipient has on).
    const [{ prefs, withDevice: devices }, reach] = await Promise.all([this.preferences.withDevicesOf(userIds), this.accounts.reachOf(userIds)]);
    const reachById = new Map(reach.map((r) => [r.id, r]));
    // A recipient's phone, decrypted once per batch: a burst about one citizen's appeals is one person many times.
    const phones = new Map<string, string | null>();
    const phoneOf = (account: { id: string; personalEncrypted: string | null }): string | null => {
      if (!account.personalEncrypted) return null;
      let phone = phones.get(account.id);
      if (phone === undefined) phones.set(account.id, (phone = this.cipher.decryptJson<{ phone?: string | null }>(account.personalEncrypted).phone ?? null));
      return phone;
    };
    // The admins' texts, read once per batch (cached for NOTICE_TEMPLATE_CACHE_MS).
    const overrides = await this.templates.current();
    const now = this.clock.now();
    const items: NewInboxItem[] = [];
    const rows: NewDelivery[] = [];
    const contactsUsed: { event: DispatchedEvent; appealId: string }[] = [];

    for (const { event, appeal, recipients } of planned) {
      const lawNotice = LAW_NOTICE_EVENTS.has(event.eventType);
      // An author without an account has no cabinet to read the step's notice or the answer in: the notice quotes them.
      const accountless = !!appeal && appeal.citizenId === null;
      const step = appeal && (accountless || lawNotice) ? await this.quoted(event) : {};
      const quoted = accountless ? step : {};
      const appealId = appeal ? event.aggregateId : null;
      const ground = lawNotice ? (step.notice ?? null) : null;
      for (const recipient of recipients) {
        const kind = recipient.kindOfNotice;
        let pref: Preferences = DEFAULT_PREFERENCES;
        let to: { email?: string | null; phone?: string | null };
        let staff = false;
        if (recipient.kind === 'user') {
          const account = reachById.get(recipient.id);
          if (!account) continue; // deactivated meanwhile
          pref = prefs.get(recipient.id) ?? DEFAULT_PREFERENCES;
          to = { email: account.email, phone: phoneOf(account) };
          staff = isStaff(account.role as Role);
        } else {
          to = this.cipher.decryptJson<{ email?: string | null; phone?: string | null }>(recipient.contactEncrypted);
          contactsUsed.push({ event, appealId: recipient.id });
        }
        const email = to.email ?? null;
        const phone = to.phone ?? null;
        // The proposal's reasoning is internal: only the supervisors asked to decide it read it.
        const facts = appeal ? this.factsFor(event, appeal, staff, quoted, kind === 'approval_requested' ? appeal.proposalReason : ground) : this.adminFacts(event);
        // Only the channels this recipient gets are rendered (an SMS-only notice builds no e-mail).
        const rendered = noticeRenderer(kind, pref.locale, facts, this.templates.pick(overrides, kind, pref.locale));
        const base = { eventId: event.id, recipientId: recipient.id, recipientKind: recipient.kind, kind, eventType: event.eventType, appealId };
        const digest = staff && pref.digest !== 'off' ? nextDigestAt(pref.digest, pref.timeZone, now) : null;
        // An author without an account is told by one channel, not on every contact they gave.
        const only = recipient.kind === 'contact' && appeal ? contactChannel(appeal.answerChannel, email, phone) : null;
        for (const channel of CHANNELS) {
          if (!channelOn(pref, kind, channel)) continue;
          if (only && channel !== only) continue;
          if (channel === 'in_app') {
            if (recipient.kind !== 'user') continue;
            items.push({ userId: recipient.id, eventId: event.id, kind, appealId, appealNumber: appeal?.number ?? null, ...rendered.inApp(), link: facts.link });
            rows.push({ ...base, channel, state: 'sent', dueAt: now, address: null, content: null });
            continue;
          }
          // A digest replaces the staff member's e-mail, SMS and push for this notice with one e-mail later.
          if (digest && channel !== 'email') continue;
          const content = this.contentFor(channel, rendered, facts, { email, phone, hasDevice: recipient.kind === 'user' && devices.has(recipient.id), locale: pref.locale, appealId: event.aggregateId, attachAnswer: accountless && kind === 'answer_ready' });
          if (!content) continue;
          if (digest) {
            rows.push({ ...base, channel, state: 'digest', dueAt: digest, address: content.address, content: content.body });
            continue;
          }
          const at = sendableAt(pref, channel, now);
          rows.push({ ...base, channel, state: at > now ? 'held' : 'pending', dueAt: at, address: content.address, content: content.body });
        }
      }
    }

    const plan = async (manager: EntityManager) => {
      for (const { event, appealId } of contactsUsed) await this.auditContactUse(manager, event, appealId);
      const { added, created } = await this.write(manager, items, rows);
      // The sender gets each pending row's content with its id, so it does not read back and decrypt what was just written.
      const contentOf = new Map<string, ChannelContent>();
      for (const r of rows) if (r.state === 'pending' && r.content) contentOf.set(`${r.eventId}|${r.recipientId}|${r.channel}`, r.content);
      const pending: { id: string; content: ChannelContent }[] = [];
      const unknown: string[] = [];
      for (const r of created) {
        if (r.state !== 'pending') continue;
        const content = contentOf.get(`${r.eventId}|${r.recipientId}|${r.channel}`);
        if (content) pending.push({ id: r.id, content });
        else unknown.push(r.id);
      }
      return { added, pending, unknown };
    };
    // The in-app items and the delivery rows are one statement, atomic by itself: no BEGIN/COMMIT
    // round trips around it. With an audited contact (an author without an account), one transaction for all.
    const { added, pending, unknown } = contactsUsed.length > 0 ? await this.tx.run(plan) : await plan(this.tx.manager);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(`${row.channel} ${row.state}`, (counts.get(`${row.channel} ${row.state}`) ?? 0) + 1);
    for (const [key, count] of counts) {
      const [channel, state] = key.split(' ');
      plannedTotal.inc({ channel, state }, count);
    }
    await this.stream.publish(added.map(({ userId, ...item }) => ({ userId, message: { type: 'notification' as const, item } })));
    this.sender.enqueuePlanned(pending);
    this.sender.enqueue(unknown);
  }

  /**
   * Writes a plan's in-app items and delivery rows in one statement (each INSERT a data-modifying
   * CTE; a statement is atomic by itself): one round trip instead of four with BEGIN and COMMIT.
   * Returns the items and the rows added now (not those a redelivery had written already).
   */
  private async write(manager: EntityManager, items: readonly NewInboxItem[], rows: readonly NewDelivery[]): Promise<{ added: AddedInboxItem[]; created: AddedDelivery[] }> {
    if (items.length === 0) return { added: [], created: await this.deliveries.add(manager, [...rows]) };
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const [row] = await manager.query<{ added: AddedInboxItem[]; created: AddedDelivery[] }[]>(
      `WITH added AS (${this.inbox.insertStatement(items, param)}),
            created AS (${this.deliveries.insertStatement(rows, param)})
       SELECT (SELECT coalesce(jsonb_agg(added), '[]') FROM added) AS added, (SELECT coalesce(jsonb_agg(created), '[]') FROM created) AS created`,
      params,
    );
    return row;
  }

  /** Who is told: one notice per person per event (the catalogue lists the most specific first); staff are not told of their own step. */
  private async recipientsOf(event: DispatchedEvent, targets: NoticeTarget[], appeal: AppealNoticeFacts, staffOf: Map<string, Promise<string[]>>): Promise<Recipient[]> {
    const payload = event.payload as { actorId?: string | null; recipients?: (string | null)[] };
    const out: Recipient[] = [];
    const seen = new Set<string>();
    const add = (r: Recipient) => {
      if (seen.has(r.id)) return;
      seen.add(r.id);
      out.push(r);
    };
    for (const target of targets) {
      const kindOfNotice = target.kind;
      if (target.to === 'citizen') {
        // The citizen's own step (withdrawn, materials added) needs no notice to them; a receipt does.
        if (kindOfNotice === 'status_changed' && payload.actorId && payload.actorId === appeal.citizenId) continue;
        if (appeal.citizenId) add({ kind: 'user', id: appeal.citizenId, kindOfNotice });
        // Without an account (unidentified feedback, or an applicant an operator registered): the contact given with the appeal.
        else if (appeal.contactEncrypted) add({ kind: 'contact', id: event.aggregateId, kindOfNotice, contactEncrypted: appeal.contactEncrypted });
        continue;
      }
      let ids: string[] = [];
      if (target.to === 'payload_recipients') ids = (payload.recipients ?? []).filter((r): r is string => !!r);
      else if (target.to === 'assignee') ids = appeal.assigneeId ? [appeal.assigneeId] : [];
      else if (target.to === 'department_staff' && appeal.departmentId) {
        if (!staffOf.has(appeal.departmentId)) staffOf.set(appeal.departmentId, this.staff.activeIn(appeal.departmentId));
        ids = await staffOf.get(appeal.departmentId)!;
      }
      for (const id of ids) if (id !== payload.actorId) add({ kind: 'user', id, kindOfNotice });
    }
    return out;
  }

  /**
   * `reason`: what the notice gives as the step's reason in place of the step's comment — a 59-ФЗ
   * notice's statutory text, a proposal's reasoning.
   */
  private factsFor(event: DispatchedEvent, appeal: AppealNoticeFacts, staff: boolean, quoted: Pick<NoticeFacts, 'notice' | 'answer'>, reason: string | null): NoticeFacts {
    const payload = event.payload as { from?: string | null; reason?: string | null; comment?: string | null; score?: number; fileName?: string; actorRole?: string };
    const base = this.config.publicUrl.replace(/\/$/, '');
    const number = appeal.number;
    return {
      number,
      subject: appeal.subject,
      status: appeal.status,
      previousStatus: (payload.from as NoticeFacts['previousStatus']) ?? null,
      at: new Date(event.createdAt),
      registeredAt: appeal.registeredAt,
      dueAt: appeal.dueAt,
      documentsDueOn: appeal.documentsDueOn,
      departmentName: appeal.departmentName,
      departmentNameEn: appeal.departmentNameEn,
      unidentified: appeal.unidentified,
      accountless: appeal.citizenId === null,
      reason: reason ?? payload.reason ?? payload.comment ?? null,
      rating: payload.score ?? appeal.rating,
      fileName: payload.fileName ?? null,
      escalatedBy: event.eventType === `appeal.${HistoryEvent.Escalated}` ? (payload.actorRole === (Role.Citizen as string) ? 'citizen' : 'staff') : null,
      ...quoted,
      link: staff ? `${base}/appeals/${number ?? event.aggregateId}` : `${this.config.citizenAppUrl.replace(/\/$/, '')}/appeals/${number ?? event.aggregateId}`,
    };
  }

  /** A security alert or a disabled webhook told to admins: what happened, a link to its console page; no appeal. */
  private adminFacts(event: DispatchedEvent): NoticeFacts {
    const at = new Date(event.createdAt);
    const base = this.config.publicUrl.replace(/\/$/, '');
    const facts = { number: null, subject: '', status: AppealStatus.Registered, at, registeredAt: null, dueAt: null, documentsDueOn: null, departmentName: null, unidentified: false };
    if (event.eventType === 'signal.recurring_problem') {
      const p = event.payload;
      return {
        ...facts,
        recurring: { categoryName: p.categoryName, region: p.region, citizens: p.citizens, appeals: p.appeals, windowHours: p.windowHours },
        link: `${base}/reports?categoryId=${p.categoryId}`,
      };
    }
    if (event.eventType === 'webhook.subscription_disabled') {
      const p = event.payload;
      return { ...facts, webhook: { name: p.name, origin: p.origin, failures: p.failures, lastError: p.lastError }, link: `${base}/admin/webhooks` };
    }
    const p = event.payload as { kind?: string; subjectName?: string | null; accountLocked?: boolean };
    return { ...facts, alert: { kind: p.kind ?? '', subjectName: p.subjectName ?? null, accountLocked: p.accountLocked ?? false }, link: `${base}/audit/alerts` };
  }

  private contentFor(
    channel: Exclude<Channel, 'in_app'>,
    rendered: NoticeRenderer,
    facts: NoticeFacts,
    to: { email: string | null; phone: string | null; hasDevice: boolean; locale: Locale; appealId: string; attachAnswer: boolean },
  ): { address: string; body: ChannelContent } | null {
    switch (channel) {
      case 'email':
        return to.email
          ? { address: maskEmail(to.email), body: { channel, to: to.email, ...rendered.email(), locale: to.locale, ...(to.attachAnswer ? { answerPdfOf: to.appealId } : {}) } }
          : null;
      case 'sms':
        return to.phone ? { address: maskPhone(to.phone), body: { channel, to: to.phone, text: rendered.sms() } } : null;
      case 'push':
        return to.hasDevice ? { address: 'devices', body: { channel, ...rendered.push(), url: facts.link, tag: facts.webhook ? 'webhook-disabled' : facts.alert ? 'security-alert' : facts.recurring ? 'recurring-problem' : `appeal-${facts.number ?? ''}` } } : null;
    }
  }

  /** Decrypting the contact of an appeal filed without an account is a personal-data access: audited. */
  private auditContactUse(manager: EntityManager, event: DispatchedEvent, appealId: string): Promise<void> {
    return this.audit.record(manager, null, {
      action: 'personal_data.use',
      entityType: 'appeal',
      entityId: appealId,
      details: { purpose: 'notification', eventType: event.eventType, eventId: event.id, fields: ['email', 'phone'] },
    });
  }

  /** What an author without a cabinet cannot read anywhere else: the step's notice, the answer. */
  private async quoted(event: DispatchedEvent): Promise<Pick<NoticeFacts, 'notice' | 'answer'>> {
    const { noticeMessageId } = event.payload as { noticeMessageId?: unknown };
    const notice = typeof noticeMessageId === 'string' ? await this.appeals.noticeText(event.aggregateId, noticeMessageId) : null;
    const answer = event.eventType === `appeal.${HistoryEvent.Answered}` ? await this.appeals.latestAnswer(event.aggregateId) : null;
    return { notice, answer };
  }

}

/**
 * The one channel an author without an account is told by: e-mail when the answer goes by e-mail
 * (the operator's choice for the answer and the receipt), else the first contact they gave — the
 * phone (SMS), then the e-mail. Null: no contact to reach (a postal address only: the body writes).
 */
export function contactChannel(answerChannel: string, email: string | null, phone: string | null): 'email' | 'sms' | null {
  if (answerChannel === 'email' && email) return 'email';
  if (phone) return 'sms';
  if (email) return 'email';
  return null;
}
