import type { Schemas } from '@otklik/shared/api/client';

/** Test data as the API sends it (CONVENTIONS.md #10: builder factories), overridable per test. */

export const DEPARTMENT: Schemas['DepartmentDto'] = {
  id: 'd0000000-0000-4000-8000-000000000001',
  code: 'roads',
  nameRu: 'Дорожное хозяйство',
  nameEn: 'Roads',
  parentId: null,
  isGeneralPool: false,
};

export function aUser(overrides: Partial<Schemas['MeDto']> = {}): Schemas['MeDto'] {
  return {
    id: 'u0000000-0000-4000-8000-000000000001',
    email: 'operator@example.test',
    fullName: 'Ольга Операторова',
    role: 'operator',
    position: 'Специалист',
    department: DEPARTMENT,
    trustLevel: null,
    emailVerified: true,
    phoneVerified: false,
    preferredAnswerChannel: 'cabinet',
    ...overrides,
  };
}

let seq = 0;

export function anAppealSummary(overrides: Partial<Schemas['AppealSummaryDto']> = {}): Schemas['AppealSummaryDto'] {
  const n = ++seq;
  return {
    id: `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: 1000 + n,
    type: 'complaint',
    status: 'registered',
    subject: `Яма на дороге ${n}`,
    categoryId: 'c0000000-0000-4000-8000-000000000001',
    subcategoryId: null,
    priority: 'normal',
    important: false,
    overdue: false,
    escalated: false,
    escalatedToDepartmentId: null,
    extended: false,
    unidentified: false,
    noAnswerRequired: false,
    departmentId: DEPARTMENT.id,
    assigneeId: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    registeredAt: '2026-11-20T09:00:00.000Z',
    dueAt: '2026-12-18T20:59:59.000Z',
    parentAppealId: null,
    answerChannel: 'cabinet',
    version: 1,
    ...overrides,
  };
}

export function anAppeal(overrides: Partial<Schemas['AppealDto']> = {}): Schemas['AppealDto'] {
  return {
    ...anAppealSummary(),
    text: 'Во дворе дома 5 на улице Ленина третий месяц яма.',
    desiredAnswerDate: null,
    extraFields: {},
    extraFieldsSchemaVersion: null,
    contact: null,
    firstResponseDueAt: null,
    closedAt: null,
    updatedAt: '2026-11-20T09:00:00.000Z',
    firstReactionAt: null,
    answeredAt: null,
    assigneeName: null,
    department: { id: DEPARTMENT.id, name: DEPARTMENT.nameRu, nameRu: DEPARTMENT.nameRu, nameEn: DEPARTMENT.nameEn },
    executor: null,
    term: { state: 'running', dueAt: '2026-12-18T20:59:59.000Z', pausedSince: null, documentsDueOn: null, extended: false, extensionReason: null, overdue: false },
    thankedEmployee: null,
    slaPaused: false,
    documentsDueOn: null,
    correspondenceTerminated: false,
    unsuccessfulRounds: 0,
    rating: null,
    ratingComment: null,
    answer: null,
    allowedActions: [],
    allowedStaffActions: [],
    history: [],
    messages: [],
    attachments: [],
    ...overrides,
  };
}

export function aTemplate(overrides: Partial<Schemas['AnswerTemplateViewDto']> = {}): Schemas['AnswerTemplateViewDto'] {
  return { id: 't0000000-0000-4000-8000-000000000001', title: 'Яма заделана', result: 'done', text: 'Яма заделана 1 декабря.', ...overrides };
}

let notificationSeq = 100;

export function aNotification(overrides: Partial<Schemas['NotificationItemDto']> = {}): Schemas['NotificationItemDto'] {
  const n = ++notificationSeq;
  return {
    id: String(n),
    kind: 'queue_new',
    appealId: `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    appealNumber: 2000 + n,
    title: `Уведомление ${n}`,
    body: '',
    link: `https://otklik.example/console/appeals/${2000 + n}`,
    createdAt: '2026-11-20T09:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

export function somePreferences(overrides: Partial<Schemas['NotificationPreferencesDto']> = {}): Schemas['NotificationPreferencesDto'] {
  const on = { in_app: true, email: true, sms: false, push: false };
  return {
    locale: 'ru',
    timeZone: 'Europe/Moscow',
    quietHours: null,
    digest: 'off',
    reachable: ['in_app', 'email'],
    kinds: [
      { kind: 'queue_new', required: false, channels: on },
      { kind: 'overdue', required: true, channels: on },
      { kind: 'assigned', required: false, channels: on },
    ],
    ...overrides,
  };
}

/** A row of the staff queue (the summary with the names the queue shows). */
export function aQueueRow(overrides: Partial<Schemas['StaffAppealSummaryDto']> = {}): Schemas['StaffAppealSummaryDto'] {
  return {
    ...anAppealSummary(),
    department: { id: DEPARTMENT.id, nameRu: DEPARTMENT.nameRu, nameEn: DEPARTMENT.nameEn },
    assigneeName: null,
    citizenMasked: 'И*** И. И.',
    firstResponseDueAt: null,
    slaPausedAt: null,
    documentsDueOn: null,
    ...overrides,
  };
}
