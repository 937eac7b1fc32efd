import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import {
  APPEAL_STATUS_LABELS,
  APPEAL_TYPE_LABELS,
  HISTORY_EVENT_LABELS,
  type AppealStatus,
  type AppealType,
  type HistoryEvent,
} from '@otklik/shared/domain';
import type { Schemas } from '@otklik/shared/api/client';
import { EN } from './messages.en';
import { RU, type MessageKey } from './messages.ru';
import { LANG_STORAGE_KEY, storedLang, type Lang } from './stored-lang';

export type { Lang };
export const LANGS: readonly Lang[] = ['ru', 'en'];
export type { MessageKey };

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { ru: RU, en: EN };
const INTL_LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };
/** Statutory deadlines are Moscow time (DOMAIN.md), whatever the operator's own time zone is. */
const MOSCOW = 'Europe/Moscow';

type Params = Record<string, string | number>;

/**
 * The console's whole i18n: one signal holding the language and two typed dictionaries.
 * Templates call `t('key')`; because `t` reads the signal, a language switch re-renders every
 * OnPush view that shows text, with no reload. Domain labels (statuses, types, history events)
 * come from @otklik/shared/domain so the console and the API never disagree on wording.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  readonly lang = signal<Lang>(storedLang());
  private readonly dictionary = computed(() => DICTIONARIES[this.lang()]);
  private readonly formats = computed(() => {
    const locale = INTL_LOCALE[this.lang()];
    return {
      dateTime: new Intl.DateTimeFormat(locale, {
        timeZone: MOSCOW,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      date: new Intl.DateTimeFormat(locale, { timeZone: MOSCOW, day: '2-digit', month: '2-digit', year: 'numeric' }),
      // A plain calendar date (YYYY-MM-DD) has no time zone: format it as UTC so it never shifts.
      plainDate: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
    };
  });

  constructor() {
    this.document.documentElement.lang = this.lang();
    effect(() => {
      const lang = this.lang();
      this.document.documentElement.lang = lang;
      try {
        localStorage.setItem(LANG_STORAGE_KEY, lang);
      } catch {
        // storage disabled: the choice lasts for this page only
      }
    });
  }

  setLang(lang: Lang): void {
    this.lang.set(lang);
  }

  /** Translates a UI key; `{name}` placeholders are replaced from params. */
  readonly t = (key: MessageKey, params?: Params): string => {
    const text = this.dictionary()[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };

  /** Picks the ru/en variant of a bilingual value (domain labels, API names). */
  readonly pick = (value: { ru: string; en: string } | undefined, fallback = ''): string => (value ? value[this.lang()] : fallback);

  readonly status = (status: string | null | undefined): string =>
    status ? this.pick(APPEAL_STATUS_LABELS[status as AppealStatus], status) : this.t('common.none');

  readonly type = (type: string): string => this.pick(APPEAL_TYPE_LABELS[type as AppealType], type);

  readonly historyEvent = (event: string, apiLabel: string): string => this.pick(HISTORY_EVENT_LABELS[event as HistoryEvent], apiLabel);

  /** A name the API sends in both languages (departments, categories). */
  readonly name = (item: { nameRu: string; nameEn: string } | null | undefined): string =>
    item ? (this.lang() === 'en' ? item.nameEn : item.nameRu) : '';

  readonly role = (role: string): string => {
    switch (role) {
      case 'citizen':
      case 'operator':
      case 'supervisor':
      case 'admin':
      case 'auditor':
      case 'system':
        return this.t(`role.${role}` as const);
      default:
        return role;
    }
  };

  /** A staff action's button label (the answer is given in its own form, not by a button). */
  readonly staffAction = (action: Exclude<Schemas['StaffAction'], 'answer'>): string => this.t(`appeal.action.${action}` as const);

  readonly answerResult = (result: Schemas['AnswerResult']): string => this.t(`answer.result.${result}` as const);

  /** What a pending proposal asks the supervisor to approve. */
  readonly proposedAction = (action: Schemas['ProposableAction']): string => this.t(`appeal.proposal.action.${action}` as const);

  /** A 59-ФЗ ground for leaving an appeal without an answer on the merits. */
  readonly noAnswerGround = (ground: Schemas['NoAnswerGround']): string => this.t(`actionDialog.ground.${ground}` as const);

  /** A notice kind's label; a kind newer than this console shows as the API named it. */
  readonly noticeKind = (kind: string): string => this.known(`kind.${kind}`, kind);

  /** A notification channel (in_app, email, sms, push). */
  readonly channel = (channel: string): string => this.known(`channel.${channel}`, channel);

  /** Where a notice delivery stands (pending … delivered, failed, dead). */
  readonly deliveryStatus = (status: string): string => this.known(`delivery.status.${status}`, status);

  private known(key: string, fallback: string): string {
    return key in this.dictionary() ? this.t(key as MessageKey) : fallback;
  }

  readonly priority = (priority: string): string => {
    switch (priority) {
      case 'low':
      case 'normal':
      case 'high':
        return this.t(`priority.${priority}` as const);
      default:
        return priority;
    }
  };

  /** An instant as Moscow date and time, e.g. «27.11.2026, 23:59». */
  readonly dateTime = (iso: string | null | undefined): string => {
    if (!iso) return this.t('common.none');
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : this.formats().dateTime.format(date);
  };

  /** A calendar date (YYYY-MM-DD) or the Moscow date of an instant. */
  readonly date = (iso: string | null | undefined): string => {
    if (!iso) return this.t('common.none');
    const plain = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    const date = new Date(plain ? `${iso}T00:00:00Z` : iso);
    if (Number.isNaN(date.getTime())) return iso;
    return plain ? this.formats().plainDate.format(date) : this.formats().date.format(date);
  };
}
