import { randomUUID } from 'node:crypto';
import { BASE_URL, DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { png } from './support/files';

/**
 * Every route of the OpenAPI document × every role × own/foreign object. "ok" means the request
 * got past authentication and authorization (a 2xx, or a business 409/422); otherwise the exact
 * refusal is expected: 401 without a token, 403 for a role the route is not for, and 404 — the
 * same answer as for a missing object — for an object outside the caller's reach. A route added
 * to the API without a row here fails this test.
 */
const ACTORS = ['anonymous', 'owner', 'otherCitizen', 'operatorIn', 'operatorOut', 'supervisor', 'admin', 'auditor'] as const;
type Actor = (typeof ACTORS)[number];
type Expect = 'ok' | 401 | 403 | 404;
type Ctx = { appeal: string; number: string; draft: string; attachment: string; globalTemplate: string; macro: string; tokens: Record<Actor, string | undefined> };
interface Row {
  expect: Record<Actor, Expect>;
  /** Builds the request; `fresh` gives a new registered appeal of the owner for mutating routes. */
  request: (ctx: Ctx, fresh: () => Promise<{ id: string; draftId: string }>) => Promise<{ path: string; body?: unknown }>;
}

const everyone = (e: Expect): Record<Actor, Expect> => Object.fromEntries(ACTORS.map((a) => [a, e])) as Record<Actor, Expect>;
const signedInOnly: Record<Actor, Expect> = { ...everyone('ok'), anonymous: 401 };
const citizensOnly: Record<Actor, Expect> = { anonymous: 401, owner: 'ok', otherCitizen: 'ok', operatorIn: 403, operatorOut: 403, supervisor: 403, admin: 403, auditor: 403 };
/** An existing appeal: the owner and the staff handling it; others get 404, non-participating roles 403. */
const onAppeal: Record<Actor, Expect> = { anonymous: 401, owner: 'ok', otherCitizen: 404, operatorIn: 'ok', operatorOut: 404, supervisor: 'ok', admin: 403, auditor: 403 };
const ownerOnly: Record<Actor, Expect> = { anonymous: 401, owner: 'ok', otherCitizen: 404, operatorIn: 403, operatorOut: 403, supervisor: 403, admin: 403, auditor: 403 };
const staffOnAppeal: Record<Actor, Expect> = { anonymous: 401, owner: 403, otherCitizen: 403, operatorIn: 'ok', operatorOut: 404, supervisor: 'ok', admin: 403, auditor: 403 };
const adminOnly: Record<Actor, Expect> = { ...everyone(403), anonymous: 401, admin: 'ok' };
const adminOrSupervisor: Record<Actor, Expect> = { ...everyone(403), anonymous: 401, admin: 'ok', supervisor: 'ok' };
/** Admin routes on an object that does not exist: past the role check it is a 404. */
const adminOnlyMissing: Record<Actor, Expect> = { ...everyone(403), anonymous: 401, admin: 404 };
const adminOrSupervisorReads: Record<Actor, Expect> = { ...adminOnly, supervisor: 'ok' };
/** An upload's removal: only its uploader (others, even staff who may read it, get 404). */
const uploaderOnly: Record<Actor, Expect> = { anonymous: 401, owner: 'ok', otherCitizen: 404, operatorIn: 404, operatorOut: 404, supervisor: 404, admin: 403, auditor: 403 };
const uploaders: Record<Actor, Expect> = { ...everyone('ok'), anonymous: 401, admin: 403, auditor: 403 };
/** The audit log's readers. */
const auditReaders: Record<Actor, Expect> = { ...everyone(403), anonymous: 401, admin: 'ok', auditor: 'ok' };
const queue: Record<Actor, Expect> = { anonymous: 401, owner: 403, otherCitizen: 403, operatorIn: 'ok', operatorOut: 'ok', supervisor: 'ok', admin: 403, auditor: 403 };

const MATRIX: Record<string, Row> = {
  'GET /api/health/live': { expect: everyone('ok'), request: async () => ({ path: '/api/health/live' }) },
  'GET /api/health/ready': { expect: everyone('ok'), request: async () => ({ path: '/api/health/ready' }) },
  'GET /api/v1/catalog/appeal-types': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/catalog/appeal-types' }) },
  'GET /api/v1/catalog/categories': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/catalog/categories' }) },
  'POST /api/v1/auth/login': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/login', body: DEMO.citizen2 }) },
  // A bad refresh token is a 401 for everyone: the route is public, the token itself is the credential.
  'POST /api/v1/auth/refresh': { expect: everyone(401), request: async () => ({ path: '/api/v1/auth/refresh', body: { refreshToken: 'not-a-token' } }) },
  'POST /api/v1/auth/logout': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/logout', body: { refreshToken: 'not-a-token' } }) },
  'GET /api/v1/me': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me' }) },
  // Identity: public steps of registration, recovery and the second factor. Bodies are invalid
  // on purpose (no side effects); what matters is that no role is turned away.
  // «Войти через Госуслуги»: a redirect to the provider; a callback without our state cookie is a 400.
  'GET /api/v1/auth/esia/login': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/esia/login' }) },
  'GET /api/v1/auth/esia/callback': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/esia/callback?code=x&state=y' }) },
  'GET /api/v1/auth/captcha': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/captcha' }) },
  'POST /api/v1/auth/register': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/register', body: {} }) },
  'POST /api/v1/auth/register/resend': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/register/resend', body: {} }) },
  'POST /api/v1/auth/register/confirm': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/register/confirm', body: {} }) },
  'POST /api/v1/auth/password/forgot': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/password/forgot', body: {} }) },
  'POST /api/v1/auth/password/reset': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/password/reset', body: {} }) },
  'POST /api/v1/auth/password/expired': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/password/expired', body: {} }) },
  'POST /api/v1/auth/mfa': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/mfa', body: {} }) },
  'POST /api/v1/auth/mfa/sms': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/mfa/sms', body: {} }) },
  'POST /api/v1/auth/mfa/enrolment': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/mfa/enrolment', body: {} }) },
  'POST /api/v1/auth/mfa/enrolment/confirm': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/mfa/enrolment/confirm', body: {} }) },
  // The signed-in user's own security settings: any role, never anonymous.
  'POST /api/v1/me/password': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/password', body: {} }) },
  'POST /api/v1/me/mfa/totp': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/mfa/totp' }) },
  // Demo accounts have no confirmed phone: refused with 422, nothing is switched on.
  'POST /api/v1/me/mfa/sms': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/mfa/sms' }) },
  'POST /api/v1/me/mfa/totp/confirm': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/mfa/totp/confirm', body: {} }) },
  'DELETE /api/v1/me/mfa': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/mfa', body: {} }) },
  'GET /api/v1/me/sessions': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/sessions' }) },
  // Notifications: every account has its own feed, stream, preferences and devices.
  'GET /api/v1/me/notifications': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/notifications' }) },
  'GET /api/v1/me/notifications/unread-count': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/notifications/unread-count' }) },
  'GET /api/v1/me/notifications/stream': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/notifications/stream' }) },
  // Another user's item id marks nothing (the count answered is the caller's own).
  'POST /api/v1/me/notifications/read': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/notifications/read', body: { ids: ['1'] } }) },
  'POST /api/v1/me/notifications/read-all': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/notifications/read-all' }) },
  'GET /api/v1/me/notification-preferences': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/notification-preferences' }) },
  'PUT /api/v1/me/notification-preferences': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/notification-preferences', body: {} }) },
  'GET /api/v1/me/push-subscriptions/key': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/push-subscriptions/key' }) },
  'GET /api/v1/me/push-subscriptions': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/push-subscriptions' }) },
  'POST /api/v1/me/push-subscriptions': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/push-subscriptions', body: {} }) },
  // Someone else's device (or none) is not found.
  'DELETE /api/v1/me/push-subscriptions/{id}': { expect: { ...everyone(404), anonymous: 401 }, request: async () => ({ path: `/api/v1/me/push-subscriptions/${randomUUID()}` }) },
  'GET /api/v1/appeals/{idOrNumber}/notifications': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/appeals/${c.number}/notifications` }) },
  // Another user's (or no) session: the same 404.
  'DELETE /api/v1/me/sessions/{id}': { expect: { ...everyone(404), anonymous: 401 }, request: async () => ({ path: `/api/v1/me/sessions/${randomUUID()}` }) },
  'POST /api/v1/me/sessions/revoke-others': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/sessions/revoke-others' }) },
  // Unidentified feedback: open to anyone; tracking needs the number and the access code.
  'POST /api/v1/public/appeals': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/public/appeals', body: {} }) },
  // Files of unidentified feedback: a session for anyone (CAPTCHA); an upload needs the session's token
  // (X-Upload-Session), for which no platform token stands in: without it everyone gets the same 401.
  // The widget's ESIA pop-up: open to anyone, only for an allowed widget origin (none here: 403 for all).
  'GET /api/v1/auth/esia/widget': { expect: everyone(403), request: async () => ({ path: '/api/v1/auth/esia/widget?origin=https%3A%2F%2Fnot-allowed.example.ru' }) },
  'POST /api/v1/public/upload-sessions': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/public/upload-sessions', body: {} }) },
  // What the widget loads for its body: open to anyone (a call without Origin is no embedding page).
  'GET /api/v1/public/widget/bodies/{body}': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/public/widget/bodies/administration' }) },
  'POST /api/v1/public/attachments': { expect: everyone(401), request: async () => ({ path: '/api/v1/public/attachments', body: { file: 'x' } }) },
  'GET /api/v1/public/appeals/{number}': { expect: everyone(404), request: async (c) => ({ path: `/api/v1/public/appeals/${c.number}?accessCode=WRONGCODE1` }) },
  // Signed-answer verification: open to anyone; a JSON body (not multipart) is a 415, never a 401/403.
  'POST /api/v1/answers/verify': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/answers/verify', body: {} }) },
  'GET /api/v1/audit': {
    expect: { anonymous: 401, owner: 403, otherCitizen: 403, operatorIn: 403, operatorOut: 403, supervisor: 403, admin: 'ok', auditor: 'ok' },
    request: async () => ({ path: '/api/v1/audit?limit=5' }),
  },
  'GET /api/v1/audit/checkpoints': {
    expect: { anonymous: 401, owner: 403, otherCitizen: 403, operatorIn: 403, operatorOut: 403, supervisor: 403, admin: 'ok', auditor: 'ok' },
    request: async () => ({ path: '/api/v1/audit/checkpoints?limit=5' }),
  },
  // from > to: a 422 for those allowed (there may be no checkpoint yet), refused before that for the others.
  'GET /api/v1/audit/checkpoints/consistency': {
    expect: { anonymous: 401, owner: 403, otherCitizen: 403, operatorIn: 403, operatorOut: 403, supervisor: 403, admin: 'ok', auditor: 'ok' },
    request: async () => ({ path: '/api/v1/audit/checkpoints/consistency?from=2&to=1' }),
  },
  'GET /api/v1/audit/verify': {
    expect: { anonymous: 401, owner: 403, otherCitizen: 403, operatorIn: 403, operatorOut: 403, supervisor: 403, admin: 'ok', auditor: 'ok' },
    request: async () => ({ path: '/api/v1/audit/verify' }),
  },
  // Suspicious-activity alerts and the personal-data access log: the audit readers; a missing alert is a 404 past the role check.
  'GET /api/v1/audit/alerts': { expect: auditReaders, request: async () => ({ path: '/api/v1/audit/alerts?limit=5' }) },
  'POST /api/v1/audit/alerts/{id}/resolve': {
    expect: { ...auditReaders, admin: 404, auditor: 404 },
    request: async () => ({ path: `/api/v1/audit/alerts/${randomUUID()}/resolve`, body: { resolution: 'confirmed' } }),
  },
  'GET /api/v1/audit/citizens': { expect: auditReaders, request: async () => ({ path: `/api/v1/audit/citizens?q=${encodeURIComponent('Иванов')}` }) },
  'GET /api/v1/audit/personal-data-access/{citizenId}': { expect: auditReaders, request: async () => ({ path: `/api/v1/audit/personal-data-access/${randomUUID()}` }) },
  // The citizen's own access log (staff have their own actions in the audit log, not a citizen's access log).
  'GET /api/v1/me/personal-data-access': { expect: citizensOnly, request: async () => ({ path: '/api/v1/me/personal-data-access' }) },
  'POST /api/v1/appeals': { expect: citizensOnly, request: async () => ({ path: '/api/v1/appeals', body: await appealInput() }) },
  'GET /api/v1/appeals': { expect: citizensOnly, request: async () => ({ path: '/api/v1/appeals' }) },
  'GET /api/v1/appeals/export': { expect: citizensOnly, request: async () => ({ path: '/api/v1/appeals/export?format=csv' }) },
  'GET /api/v1/appeals/{idOrNumber}': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/appeals/${c.appeal}` }) },
  'PATCH /api/v1/appeals/{idOrNumber}': { expect: ownerOnly, request: async (c) => ({ path: `/api/v1/appeals/${c.draft}`, body: { subject: 'Правка' } }) },
  'POST /api/v1/appeals/{idOrNumber}/submit': {
    expect: ownerOnly,
    request: async (_c, fresh) => ({ path: `/api/v1/appeals/${(await fresh()).draftId}/submit` }),
  },
  'POST /api/v1/appeals/{idOrNumber}/actions/{action}': {
    expect: ownerOnly,
    request: async (_c, fresh) => ({ path: `/api/v1/appeals/${(await fresh()).id}/actions/withdraw` }),
  },
  // Rating needs an answer: the owner gets past authorization to a business 409.
  // No answer yet: past authorization it is a 404 answer_not_found for those who may see the appeal.
  'GET /api/v1/appeals/{idOrNumber}/answer': {
    expect: { ...onAppeal, owner: 404, operatorIn: 404, supervisor: 404 },
    request: async (c) => ({ path: `/api/v1/appeals/${c.appeal}/answer?format=json` }),
  },
  'POST /api/v1/appeals/{idOrNumber}/rating': { expect: ownerOnly, request: async (c) => ({ path: `/api/v1/appeals/${c.appeal}/rating`, body: { score: 5 } }) },
  'GET /api/v1/appeals/{idOrNumber}/history': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/appeals/${c.number}/history` }) },
  'GET /api/v1/appeals/{idOrNumber}/messages': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/appeals/${c.appeal}/messages` }) },
  'POST /api/v1/appeals/{idOrNumber}/messages': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/appeals/${c.appeal}/messages`, body: { text: 'Сообщение' } }) },
  'POST /api/v1/appeals/{idOrNumber}/retention-extension': {
    expect: ownerOnly,
    request: async (c) => ({
      path: `/api/v1/appeals/${c.appeal}/retention-extension`,
      body: { until: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10), reason: 'Проверка доступа' },
    }),
  },
  // SLA policies and the calendar: admins write, supervisors read. The PUT bodies change nothing:
  // the gratitude default set to its seeded value, and an empty (invalid → 422) calendar body.
  'GET /api/v1/admin/sla-policies': { expect: adminOrSupervisorReads, request: async () => ({ path: '/api/v1/admin/sla-policies' }) },
  'PUT /api/v1/admin/sla-policies': {
    expect: adminOnly,
    request: async () => ({
      path: '/api/v1/admin/sla-policies',
      body: { type: 'gratitude', resolutionUnit: 'calendar_days', resolutionAmount: 30, firstResponseHours: 24, priorityFirstResponseHours: 2, reminderLeadHours: 24 },
    }),
  },
  'GET /api/v1/admin/calendar/{year}': { expect: adminOrSupervisorReads, request: async () => ({ path: '/api/v1/admin/calendar/2027' }) },
  'PUT /api/v1/admin/calendar/{year}': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/calendar/2150', body: {} }) },
  'POST /api/v1/appeals/{idOrNumber}/materials': {
    expect: ownerOnly,
    request: async (c) => ({ path: `/api/v1/appeals/${c.appeal}/materials`, body: { attachmentIds: [randomUUID()] } }),
  },
  // A JSON body is refused with 415 (no side effects): what matters is who gets that far.
  'POST /api/v1/attachments': { expect: uploaders, request: async () => ({ path: '/api/v1/attachments', body: { file: 'x' } }) },
  'GET /api/v1/attachments/{id}': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/attachments/${c.attachment}` }) },
  'GET /api/v1/attachments/{id}/preview': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/attachments/${c.attachment}/preview` }) },
  'DELETE /api/v1/attachments/{id}': {
    expect: uploaderOnly,
    request: async (c) => ({ path: `/api/v1/attachments/${await uploadPng(c.tokens.owner!)}` }),
  },
  'GET /api/v1/staff/appeals': { expect: queue, request: async () => ({ path: '/api/v1/staff/appeals' }) },
  'GET /api/v1/staff/appeals/{idOrNumber}': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}` }) },
  'POST /api/v1/staff/appeals/{idOrNumber}/reveal-contact': {
    expect: staffOnAppeal,
    request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/reveal-contact`, body: { reason: 'Проверка доступа' } }),
  },
  // Staff workflow: a fresh appeal per request, so a take or an answer does not change the shared one.
  'POST /api/v1/staff/appeals/{idOrNumber}/actions/{action}': {
    expect: staffOnAppeal,
    request: async (_c, fresh) => ({ path: `/api/v1/staff/appeals/${(await fresh()).id}/actions/take` }),
  },
  'POST /api/v1/staff/appeals/{idOrNumber}/answer': {
    expect: staffOnAppeal,
    request: async (_c, fresh) => ({ path: `/api/v1/staff/appeals/${(await fresh()).id}/answer`, body: { result: 'done', resultCode: 1, text: 'Ответ' } }),
  },
  'GET /api/v1/staff/appeals/{idOrNumber}/assignees': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/assignees` }) },
  'GET /api/v1/staff/departments': { expect: queue, request: async () => ({ path: '/api/v1/staff/departments' }) },
  'GET /api/v1/staff/appeals/{idOrNumber}/answer-templates': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/answer-templates` }) },
  'GET /api/v1/staff/appeals/{idOrNumber}/answer-drafts': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/answer-drafts` }) },
  'GET /api/v1/staff/appeals/{idOrNumber}/related': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/related` }) },
  'GET /api/v1/staff/appeals/{idOrNumber}/snippets': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/snippets` }) },
  'PUT /api/v1/staff/appeals/{idOrNumber}/presence': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/presence`, body: { activity: 'viewing' } }) },
  // Leaving removes only the caller's own presence row: it must work for staff who lost the appeal
  // (redirected away), so it answers every staff member 204 alike — whether the appeal exists, is
  // theirs to see, or had them on it — and reveals nothing (appeal-presence.e2e.ts). Staff roles only.
  'DELETE /api/v1/staff/appeals/{idOrNumber}/presence': { expect: queue, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/presence` }) },
  'GET /api/v1/staff/appeals/{idOrNumber}/macros': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/macros` }) },
  // A common macro that adds a note: staff on the appeal apply it; staff who do not see the appeal get 404.
  'POST /api/v1/staff/appeals/{idOrNumber}/macros/{macroId}/apply': {
    expect: staffOnAppeal,
    request: async (c, fresh) => ({ path: `/api/v1/staff/appeals/${(await fresh()).id}/macros/${c.macro}/apply`, body: {} }),
  },
  // Bulk: any staff member may ask; appeals outside their reach come back as not changed (404 code per item).
  'POST /api/v1/staff/appeals/bulk-actions': {
    expect: queue,
    request: async (_c, fresh) => ({ path: '/api/v1/staff/appeals/bulk-actions', body: { ids: [(await fresh()).id], action: 'assign', assigneeId: randomUUID() } }),
  },
  'GET /api/v1/admin/routing-rules': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/admin/routing-rules' }) },
  // An invalid body: past authorization it is a 422.
  'POST /api/v1/admin/routing-rules': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/routing-rules', body: {} }) },
  'PUT /api/v1/admin/routing-rules/{id}': { expect: adminOnly, request: async () => ({ path: `/api/v1/admin/routing-rules/${randomUUID()}`, body: {} }) },
  'DELETE /api/v1/admin/routing-rules/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/routing-rules/${randomUUID()}` }) },
  'GET /api/v1/admin/answer-templates': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/admin/answer-templates' }) },
  // Global templates (departmentId null) are the admins' alone: a supervisor gets 403 even on a
  // valid body. Department scope (a supervisor's own subtree only) is in answer-templates.e2e.ts.
  'POST /api/v1/admin/answer-templates': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/answer-templates', body: GLOBAL_TEMPLATE }) },
  'PUT /api/v1/admin/answer-templates/{id}': {
    expect: adminOnly,
    request: async (c) => ({ path: `/api/v1/admin/answer-templates/${c.globalTemplate}`, body: GLOBAL_TEMPLATE }),
  },
  'DELETE /api/v1/admin/answer-templates/{id}': {
    expect: adminOnly,
    request: async (c) => ({ path: `/api/v1/admin/answer-templates/${await createTemplate(c.tokens.admin!)}` }),
  },
  // Snippets: admins only; an invalid body past authorization is a 422, a missing one a 404.
  'GET /api/v1/admin/snippets': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/admin/snippets' }) },
  'POST /api/v1/admin/snippets': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/snippets', body: {} }) },
  'PUT /api/v1/admin/snippets/{id}': { expect: adminOnly, request: async () => ({ path: `/api/v1/admin/snippets/${randomUUID()}`, body: {} }) },
  'DELETE /api/v1/admin/snippets/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/snippets/${randomUUID()}` }) },
  // Notification templates (issue 16): admins only; an invalid body past authorization is a 422, a reset of a text never overridden a 404.
  'GET /api/v1/admin/notification-templates': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/notification-templates' }) },
  'POST /api/v1/admin/notification-templates/preview': {
    expect: adminOnly,
    request: async () => ({ path: '/api/v1/admin/notification-templates/preview', body: { kind: 'registered', channel: 'sms', locale: 'ru' } }),
  },
  'PUT /api/v1/admin/notification-templates/{kind}/{channel}/{lang}': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/notification-templates/webhook_disabled/push/en', body: {} }) },
  'DELETE /api/v1/admin/notification-templates/{kind}/{channel}/{lang}': { expect: adminOnlyMissing, request: async () => ({ path: '/api/v1/admin/notification-templates/webhook_disabled/push/en' }) },
  // Macros: admins only, like snippets (operators and supervisors apply them, never define them).
  'GET /api/v1/admin/macros': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/admin/macros' }) },
  'POST /api/v1/admin/macros': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/macros', body: {} }) },
  'PUT /api/v1/admin/macros/{id}': { expect: adminOnly, request: async () => ({ path: `/api/v1/admin/macros/${randomUUID()}`, body: {} }) },
  'DELETE /api/v1/admin/macros/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/macros/${randomUUID()}` }) },
  // Dead letters of the event consumers: the engineer on call (admin) only. A retry of an event id that is no dead letter changes nothing.
  // Reports (issue 14): supervisors (their subtree) and admins; operators, citizens and auditors get 403.
  'GET /api/v1/reports/volume': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/volume' }) },
  'GET /api/v1/reports/sla': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/sla?period=week' }) },
  'GET /api/v1/reports/backlog': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/backlog' }) },
  'GET /api/v1/reports/quality': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/quality?period=day' }) },
  'GET /api/v1/reports/gratitude': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/gratitude' }) },
  'GET /api/v1/reports/operators': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/operators' }) },
  'GET /api/v1/reports/{report}/export': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/backlog/export' }) },
  'GET /api/v1/reports/statutory': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/statutory?month=2026-03&format=csv' }) },
  'GET /api/v1/admin/categories': { expect: adminOrSupervisorReads, request: async () => ({ path: '/api/v1/admin/categories' }) },
  'PATCH /api/v1/admin/categories/{id}/totk-code': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/categories/${randomUUID()}/totk-code`, body: { totkCode: null } }) },
  'GET /api/v1/reports/appeals/{set}/export': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/reports/appeals/overdue/export' }) },
  'GET /api/v1/admin/event-deliveries': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/event-deliveries?status=dead' }) },
  'POST /api/v1/admin/event-deliveries/retry': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/event-deliveries/retry', body: { eventIds: ['999999999999'] } }) },
  'POST /api/v1/admin/event-deliveries/discard': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/event-deliveries/discard', body: { eventIds: ['999999999999'] } }) },
  // Keys of signed answers and retention (issue 16, operations): admins and auditors read, admins change.
  // Bull Board: in the embedded mode the session is a business 409 (no Redis), with Redis a cookie.
  'GET /api/v1/admin/queues/board': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/queues/board' }) },
  'POST /api/v1/admin/queues/board/session': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/queues/board/session' }) },
  'GET /api/v1/admin/signing-keys': { expect: auditReaders, request: async () => ({ path: '/api/v1/admin/signing-keys' }) },
  'POST /api/v1/admin/signing-keys/rotate': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/signing-keys/rotate' }) },
  'GET /api/v1/admin/retention/settings': { expect: auditReaders, request: async () => ({ path: '/api/v1/admin/retention/settings' }) },
  // An invalid body: the role check comes first, then a 422 (a business refusal counts as past authorization), and the rule is not changed.
  'PUT /api/v1/admin/retention/settings': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/retention/settings', body: { years: 0 } }) },
  'GET /api/v1/admin/retention/destructions': { expect: auditReaders, request: async () => ({ path: '/api/v1/admin/retention/destructions' }) },
  'GET /api/v1/admin/notification-deliveries': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/notification-deliveries?status=dead&channel=sms' }) },
  'POST /api/v1/admin/notification-deliveries/retry': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/notification-deliveries/retry', body: { ids: ['999999999999'] } }) },
  // Webhook subscriptions: admins only. Empty bodies are a 422 past the role check; an unknown subscription a 404.
  'GET /api/v1/admin/webhooks': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/webhooks' }) },
  'POST /api/v1/admin/webhooks': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/webhooks', body: {} }) },
  'GET /api/v1/admin/webhooks/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}` }) },
  'PATCH /api/v1/admin/webhooks/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}`, body: { enabled: false } }) },
  'DELETE /api/v1/admin/webhooks/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}` }) },
  'POST /api/v1/admin/webhooks/{id}/rotate-secret': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}/rotate-secret` }) },
  'GET /api/v1/admin/webhooks/{id}/deliveries': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}/deliveries` }) },
  'POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay': {
    expect: adminOnlyMissing,
    request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}/deliveries/${randomUUID()}/replay` }),
  },
  'POST /api/v1/admin/webhooks/{id}/replay': {
    expect: adminOnlyMissing,
    request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}/replay`, body: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' } }),
  },
  'POST /api/v1/admin/webhooks/{id}/test': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/webhooks/${randomUUID()}/test` }) },
  // Open311 API keys: admins only. An empty body is a 422 past the role check; an unknown key a 404.
  'GET /api/v1/admin/widget-origins': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/widget-origins' }) },
  'PUT /api/v1/admin/widget-origins': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/widget-origins', body: {} }) },
  // A body's widget origins: admins only; a department that does not exist is a 404 past the role check.
  'GET /api/v1/admin/departments/{id}/widget-origins': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/departments/${randomUUID()}/widget-origins` }) },
  'PUT /api/v1/admin/departments/{id}/widget-origins': {
    expect: adminOnlyMissing,
    request: async () => ({ path: `/api/v1/admin/departments/${randomUUID()}/widget-origins`, body: { origins: [] } }),
  },
  'GET /api/v1/admin/open311-keys': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/open311-keys' }) },
  'POST /api/v1/admin/open311-keys': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/open311-keys', body: {} }) },
  'POST /api/v1/admin/open311-keys/{id}/revoke': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/open311-keys/${randomUUID()}/revoke` }) },
  'GET /api/v1/admin/sed-exports': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/sed-exports' }) },
  'POST /api/v1/admin/sed-exports': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/sed-exports' }) },
  'GET /api/v1/admin/departments': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/admin/departments' }) },
  'PATCH /api/v1/admin/departments/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/departments/${randomUUID()}`, body: { autoAssign: false } }) },
  // Catalogue administration (issue 16): admins change it, supervisors read it. Empty bodies are a 422
  // past the role check; an unknown category a 404. The tester and the preview are reads; the replay reads
  // appeals of every department, so it is the admins' alone.
  'POST /api/v1/admin/categories': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/categories', body: {} }) },
  'POST /api/v1/admin/categories/reorder': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/categories/reorder', body: {} }) },
  'PATCH /api/v1/admin/categories/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/categories/${randomUUID()}`, body: {} }) },
  'PUT /api/v1/admin/categories/{id}/schema': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/categories/${randomUUID()}/schema`, body: { schema: null } }) },
  'GET /api/v1/admin/categories/{id}/schema-versions': { expect: adminOrSupervisorReads, request: async () => ({ path: `/api/v1/admin/categories/${(await category('tech')).id}/schema-versions` }) },
  'POST /api/v1/admin/categories/{id}/retire': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/categories/${randomUUID()}/retire` }) },
  'POST /api/v1/admin/categories/{id}/reinstate': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/categories/${randomUUID()}/reinstate` }) },
  'POST /api/v1/admin/routing-rules/test': { expect: adminOrSupervisorReads, request: async () => ({ path: '/api/v1/admin/routing-rules/test', body: {} }) },
  'POST /api/v1/admin/routing-rules/replay': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/routing-rules/replay', body: {} }) },
  'GET /api/v1/admin/calendar/preview': { expect: adminOrSupervisorReads, request: async () => ({ path: '/api/v1/admin/calendar/preview?from=2027-04-30&type=question' }) },
  'POST /api/v1/admin/calendar/{year}/import': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/calendar/2150/import', body: {} }) },
  // Staff intake (issue 18): routed by the rules; a general question lands in the general pool, which any operator may fill.
  'POST /api/v1/staff/appeals': {
    expect: queue,
    request: async () => ({
      path: '/api/v1/staff/appeals',
      body: { ...(await appealInput()), channel: 'phone', receivedAt: new Date().toISOString(), applicant: { fullName: 'Матрица Доступа', address: 'г. Москва' } },
    }),
  },
  'GET /api/v1/staff/appeals/{idOrNumber}/duplicates': { expect: staffOnAppeal, request: async (c) => ({ path: `/api/v1/staff/appeals/${c.appeal}/duplicates` }) },
  'POST /api/v1/staff/appeals/{idOrNumber}/merge': {
    expect: staffOnAppeal,
    request: async (_c, fresh) => ({ path: `/api/v1/staff/appeals/${(await fresh()).id}/merge`, body: { duplicate: (await fresh()).id } }),
  },
  // «Распечатано»: past authorization, an unanswered appeal is a business 409 (postal-answers e2e marks a real one).
  'POST /api/v1/staff/appeals/{idOrNumber}/answer-printed': { expect: staffOnAppeal, request: async (_c, fresh) => ({ path: `/api/v1/staff/appeals/${(await fresh()).id}/answer-printed` }) },
  // Issue 16 B: the department tree, staff accounts (supervisors read their subtree), the account link, the audit export.
  'POST /api/v1/admin/departments': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/departments', body: {} }) },
  'POST /api/v1/admin/departments/{id}/retire': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/departments/${randomUUID()}/retire` }) },
  'GET /api/v1/admin/staff': { expect: adminOrSupervisor, request: async () => ({ path: '/api/v1/admin/staff?limit=5' }) },
  'POST /api/v1/admin/staff': { expect: adminOnly, request: async () => ({ path: '/api/v1/admin/staff', body: {} }) },
  // The operator of the supervisor's subtree: admins and that supervisor read the account.
  'GET /api/v1/admin/staff/{id}': {
    expect: adminOrSupervisor,
    request: async (c) => ({ path: `/api/v1/admin/staff/${(await raw('/api/v1/me', { token: c.tokens.operatorIn })).body.id}` }),
  },
  'PATCH /api/v1/admin/staff/{id}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/staff/${randomUUID()}`, body: {} }) },
  'POST /api/v1/admin/staff/{id}/lock': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/staff/${randomUUID()}/lock`, body: {} }) },
  'POST /api/v1/admin/staff/{id}/unlock': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/staff/${randomUUID()}/unlock` }) },
  'POST /api/v1/admin/staff/{id}/reset-mfa': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/staff/${randomUUID()}/reset-mfa` }) },
  'POST /api/v1/admin/staff/{id}/reset-password': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/staff/${randomUUID()}/reset-password` }) },
  'POST /api/v1/admin/staff/{id}/invitation': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/staff/${randomUUID()}/invitation` }) },
  'DELETE /api/v1/admin/staff/{id}/sessions/{sessionId}': { expect: adminOnlyMissing, request: async () => ({ path: `/api/v1/admin/staff/${randomUUID()}/sessions/${randomUUID()}` }) },
  // Public: the link in the body is the credential (an empty body is a 422 for everyone).
  'POST /api/v1/auth/account-link': { expect: everyone('ok'), request: async () => ({ path: '/api/v1/auth/account-link', body: {} }) },
  'GET /api/v1/audit/export': { expect: auditReaders, request: async () => ({ path: '/api/v1/audit/export?format=csv&action=none.' }) },
  // The citizen cabinet (issue 18, part B). An empty PATCH changes nothing; a code with no pending change is a business 422.
  'PATCH /api/v1/me': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me', body: {} }) },
  'POST /api/v1/me/contacts/confirm': { expect: signedInOnly, request: async () => ({ path: '/api/v1/me/contacts/confirm', body: { kind: 'phone', code: '123456' } }) },
  'GET /api/v1/me/appeal-templates': { expect: citizensOnly, request: async () => ({ path: '/api/v1/me/appeal-templates' }) },
  // From the owner's appeal: another citizen's request names an appeal out of reach (404).
  'POST /api/v1/me/appeal-templates': { expect: ownerOnly, request: async (c) => ({ path: '/api/v1/me/appeal-templates', body: { name: 'Матрица', fromAppeal: c.appeal } }) },
  'DELETE /api/v1/me/appeal-templates/{id}': { expect: ownerOnly, request: async (c) => ({ path: `/api/v1/me/appeal-templates/${await ownerTemplate(c.tokens.owner!)}` }) },
  'GET /api/v1/appeals/prefill': { expect: ownerOnly, request: async (c) => ({ path: `/api/v1/appeals/prefill?from=appeal:${c.appeal}` }) },
  'GET /api/v1/me/thankable-staff': { expect: citizensOnly, request: async () => ({ path: '/api/v1/me/thankable-staff' }) },
  'GET /api/v1/appeals/{idOrNumber}/dossier.pdf': { expect: onAppeal, request: async (c) => ({ path: `/api/v1/appeals/${c.number}/dossier.pdf` }) },
  // Issue 15: the queue views' counts (each caller's own scope).
  'GET /api/v1/staff/appeals/counts': { expect: queue, request: async () => ({ path: '/api/v1/staff/appeals/counts' }) },
  // Saved views: the caller's own; anyone else's (or none) is the same 404.
  'GET /api/v1/staff/queue-filters': { expect: queue, request: async () => ({ path: '/api/v1/staff/queue-filters' }) },
  'POST /api/v1/staff/queue-filters': { expect: queue, request: async () => ({ path: '/api/v1/staff/queue-filters', body: { name: `Вид ${randomUUID()}`, filters: { view: 'mine' } } }) },
  'PUT /api/v1/staff/queue-filters/{id}': {
    expect: { ...queue, operatorIn: 404, operatorOut: 404, supervisor: 404 },
    request: async () => ({ path: `/api/v1/staff/queue-filters/${randomUUID()}`, body: { name: 'Вид', filters: {} } }),
  },
  'DELETE /api/v1/staff/queue-filters/{id}': {
    expect: { ...queue, operatorIn: 404, operatorOut: 404, supervisor: 404 },
    request: async () => ({ path: `/api/v1/staff/queue-filters/${randomUUID()}` }),
  },
};

/** A fresh appeal template of the owner's (each request deletes its own). */
async function ownerTemplate(ownerToken: string): Promise<string> {
  const res = await raw('/api/v1/me/appeal-templates', { method: 'POST', token: ownerToken, body: JSON.stringify({ name: 'Матрица', subject: 'Тема' }) });
  if (res.status !== 201) throw new Error(`fixture appeal template: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

/** Inactive, so the templates the matrix leaves behind never show up in an operator's answer form. */
const GLOBAL_TEMPLATE = { title: 'Матрица доступа', body: 'Текст шаблона', departmentId: null, active: false };

async function createTemplate(adminToken: string): Promise<string> {
  const res = await raw('/api/v1/admin/answer-templates', { method: 'POST', token: adminToken, body: JSON.stringify(GLOBAL_TEMPLATE) });
  if (res.status !== 201) throw new Error(`fixture template: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

async function createMacro(adminToken: string): Promise<string> {
  const res = await raw('/api/v1/admin/macros', { method: 'POST', token: adminToken, body: JSON.stringify({ title: 'Матрица', note: 'Проверка доступа' }) });
  if (res.status !== 201) throw new Error(`fixture macro: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

async function uploadPng(token: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'matrix.png');
  const res = await fetch(`${BASE_URL()}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`fixture upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

describe('access matrix: every route × every role × own/foreign object', () => {
  const ctx = {} as Ctx;
  let ownerToken: string;
  let techId: string;
  let cabinetId: string;

  const fileTech = async (draft: boolean, attachmentIds?: string[]) => {
    const res = await raw('/api/v1/appeals', {
      method: 'POST',
      token: ownerToken,
      body: JSON.stringify(await appealInput({ categoryId: techId, subcategoryId: cabinetId, draft, contact: { phone: '+79990001122' }, attachmentIds })),
    });
    if (res.status !== 201) throw new Error(`fixture: ${res.status} ${res.text}`);
    return res.body as { id: string; number: number };
  };
  const fresh = async () => ({ id: (await fileTech(false)).id, draftId: (await fileTech(true)).id });

  beforeAll(async () => {
    const logins: Partial<Record<Actor, { login: string; password: string }>> = {
      owner: DEMO.citizen,
      otherCitizen: DEMO.citizen2,
      operatorIn: DEMO.operator,
      operatorOut: DEMO.poolOperator,
      supervisor: DEMO.supervisor,
      admin: DEMO.admin,
      auditor: DEMO.auditor,
    };
    ctx.tokens = { anonymous: undefined } as Ctx['tokens'];
    for (const [actor, who] of Object.entries(logins)) ctx.tokens[actor as Actor] = (await signedIn(who)).token;
    ownerToken = ctx.tokens.owner!;
    techId = (await category('tech')).id;
    cabinetId = (await category('tech-cabinet')).id;
    ctx.attachment = await uploadPng(ownerToken);
    const appeal = await fileTech(false, [ctx.attachment]);
    ctx.appeal = appeal.id;
    ctx.number = String(appeal.number);
    ctx.draft = (await fileTech(true)).id;
    ctx.globalTemplate = await createTemplate(ctx.tokens.admin!);
    ctx.macro = await createMacro(ctx.tokens.admin!);
  });

  it('has a row for every operation in the OpenAPI document', () => {
    const doc = require('../../shared/api/openapi.json') as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.filter((op) => !MATRIX[op])).toEqual([]);
    expect(Object.keys(MATRIX).filter((op) => !operations.includes(op))).toEqual([]);
  });

  const cases = Object.entries(MATRIX).flatMap(([op, row]) => ACTORS.map((actor) => [op, actor, row.expect[actor]] as const));

  it.each(cases)('%s as %s → %s', async (op, actor, expected) => {
    const method = op.split(' ')[0];
    const { path, body } = await MATRIX[op].request(ctx, fresh);
    const res = await raw(path, { method, token: ctx.tokens[actor], body: body === undefined ? undefined : JSON.stringify(body), stream: true });
    if (expected === 'ok') {
      expect([401, 403, 404]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(expected);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('a staff reveal of contact details is written to the audit log', async () => {
    const auditor = ctx.tokens.auditor!;
    const page = await raw(`/api/v1/audit?action=personal_data.view&entityId=${ctx.appeal}`, { token: auditor });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThanOrEqual(1);
    expect(page.body.items[0]).toMatchObject({ action: 'personal_data.view', entityType: 'appeal', entityId: ctx.appeal });
    expect(['operator', 'supervisor']).toContain(page.body.items[0].actorRole);
    expect(page.body.items[0].details.reason).toBe('Проверка доступа');
    const revealed = await raw(`/api/v1/staff/appeals/${ctx.appeal}/reveal-contact`, {
      method: 'POST',
      token: ctx.tokens.operatorIn,
      body: JSON.stringify({ reason: 'Звонок заявителю' }),
    });
    expect(revealed.body).toEqual({ phone: '+79990001122' });
    const noReason = await raw(`/api/v1/staff/appeals/${ctx.appeal}/reveal-contact`, { method: 'POST', token: ctx.tokens.operatorIn, body: '{}' });
    expect(noReason.status).toBe(422);
  });
});
