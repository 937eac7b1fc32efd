import { AppealStatus } from '@otklik/shared/domain';

/**
 * What a person is told, independent of the event that caused it and of the channel it goes by.
 * Preferences are kept per kind × channel; templates per kind × channel × locale.
 */
export const NOTICE_KINDS = [
  // The citizen.
  'registered',
  'status_changed',
  'staff_reply',
  'documents_requested',
  'documents_reminder',
  'extended',
  'redirected',
  'law_notice',
  'answer_ready',
  'rating_requested',
  'review_outcome',
  // Staff.
  'queue_new',
  'assigned',
  'citizen_reply',
  'due_soon',
  'first_reaction_overdue',
  'overdue',
  // The heads of the department an appeal was escalated to (the citizen's «Эскалация», the staff action escalate).
  'escalated_to_department',
  'low_rating',
  'approval_requested',
  'approval_returned',
  'infected_file',
  // Admins: a suspicious-activity alert of the audit module; a webhook subscription disabled after failures.
  'security_alert',
  'webhook_disabled',
  // Supervisors: many citizens with one problem in one area (issue 18).
  'recurring_problem',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The kinds told to admins of the system itself: they concern no appeal. */
export const ADMIN_NOTICE_KINDS: readonly NoticeKind[] = ['security_alert', 'webhook_disabled', 'recurring_problem'];

/** The kinds that tell of an appeal (they carry its number). */
export const APPEAL_NOTICE_KINDS: readonly NoticeKind[] = NOTICE_KINDS.filter((k) => !ADMIN_NOTICE_KINDS.includes(k));

export const CHANNELS = ['in_app', 'email', 'sms', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Locale = 'ru' | 'en';

export interface NoticeKindSpec {
  audience: 'citizen' | 'staff';
  /** 59-ФЗ requires the citizen be told: at least one channel stays on (in-app cannot be switched off). */
  required: boolean;
  /** Channels on for a person who never touched their preferences. */
  defaults: readonly Channel[];
  /** Only these roles of the audience ever get it (and see it among their preferences); absent: all. */
  roles?: readonly string[];
}

const CITIZEN_DEFAULT: readonly Channel[] = ['in_app', 'email', 'push'];
const CITIZEN_IMPORTANT: readonly Channel[] = ['in_app', 'email', 'sms', 'push'];
const STAFF_DEFAULT: readonly Channel[] = ['in_app', 'push'];
const STAFF_IMPORTANT: readonly Channel[] = ['in_app', 'email', 'push'];

export const NOTICE_KIND_SPECS: Record<NoticeKind, NoticeKindSpec> = {
  registered: { audience: 'citizen', required: false, defaults: CITIZEN_IMPORTANT },
  status_changed: { audience: 'citizen', required: false, defaults: CITIZEN_IMPORTANT },
  staff_reply: { audience: 'citizen', required: false, defaults: CITIZEN_DEFAULT },
  documents_requested: { audience: 'citizen', required: false, defaults: CITIZEN_IMPORTANT },
  documents_reminder: { audience: 'citizen', required: false, defaults: CITIZEN_IMPORTANT },
  extended: { audience: 'citizen', required: true, defaults: CITIZEN_IMPORTANT },
  redirected: { audience: 'citizen', required: true, defaults: CITIZEN_IMPORTANT },
  law_notice: { audience: 'citizen', required: true, defaults: CITIZEN_IMPORTANT },
  answer_ready: { audience: 'citizen', required: false, defaults: CITIZEN_IMPORTANT },
  rating_requested: { audience: 'citizen', required: false, defaults: CITIZEN_DEFAULT },
  review_outcome: { audience: 'citizen', required: false, defaults: CITIZEN_IMPORTANT },
  queue_new: { audience: 'staff', required: false, defaults: STAFF_DEFAULT },
  assigned: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  citizen_reply: { audience: 'staff', required: false, defaults: STAFF_DEFAULT },
  due_soon: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  first_reaction_overdue: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  overdue: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  escalated_to_department: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT, roles: ['supervisor'] },
  low_rating: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  approval_requested: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  approval_returned: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  infected_file: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT },
  security_alert: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT, roles: ['admin'] },
  webhook_disabled: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT, roles: ['admin'] },
  recurring_problem: { audience: 'staff', required: false, defaults: STAFF_IMPORTANT, roles: ['supervisor'] },
};

/** The facts a template may use, read when the notice is planned (not when each channel sends). */
export interface NoticeFacts {
  number: number | null;
  subject: string;
  status: AppealStatus;
  /** The status before the step (status_changed). */
  previousStatus?: AppealStatus | null;
  /** When the step happened (the event's time). */
  at: Date;
  registeredAt: Date | null;
  dueAt: Date | null;
  documentsDueOn: string | null;
  departmentName: string | null;
  /** The department's English name (en templates; the Russian one when absent). */
  departmentNameEn?: string | null;
  /** Filed without an account: no cabinet to point to, only the number and the access code. */
  unidentified: boolean;
  /**
   * The author has no account (unidentified feedback, or an applicant an operator registered): no
   * cabinet to point to or to read the thread in, so notices quote what the step said.
   */
  accountless?: boolean;
  /** The step's reason (extension, redirect, return of a proposal, review outcome). */
  reason?: string | null;
  /** The thread message the step posted, quoted to those without a cabinet. */
  notice?: string | null;
  /** The latest answer (answer_ready for those without a cabinet). */
  answer?: { text: string; executorName: string; executorPosition: string | null; reason: string | null } | null;
  /** escalated_to_department: who escalated — the citizen, or staff of the handling department (departmentName). */
  escalatedBy?: 'citizen' | 'staff' | null;
  /** low_rating: the score 1–5. */
  rating?: number | null;
  /** infected_file: the file's name. */
  fileName?: string | null;
  /** security_alert: what the signal saw and whom it concerns (no appeal: number null, subject empty). */
  alert?: { kind: string; subjectName: string | null; accountLocked: boolean } | null;
  /** webhook_disabled: which subscription, where it pointed, after how many failures and the last error. */
  webhook?: { name: string; origin: string; failures: number; lastError: string | null } | null;
  /** recurring_problem: the category, the area and how many citizens wrote within how many hours. */
  recurring?: { categoryName: string; region: string | null; citizens: number; appeals: number; windowHours: number } | null;
  /** The absolute link to the appeal's card (console for staff, cabinet for citizens), or to the alerts page. */
  link: string;
}

/** One notice rendered for every channel in one locale. */
export interface RenderedNotice {
  email: { subject: string; text: string; html: string };
  /** At most two SMS segments (UCS-2: 2 × 67 characters). */
  sms: string;
  push: { title: string; body: string };
  inApp: { title: string; body: string };
}
