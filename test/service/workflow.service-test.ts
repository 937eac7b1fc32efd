import { AnswerResult, ApprovableBySetting, AppealStatus, AppealType, NoAnswerGround, ReviewOutcome, StaffAction } from '../../shared/domain';
import { DomainError } from '../../backend/src/common/problem/domain-error';
import { WorkflowAdminService } from '../../backend/src/modules/workflow/workflow-admin.service';
import { SettingsChanges } from '../../backend/src/database/settings-changes';
import { UserAccounts } from '../../backend/src/modules/users/user-accounts.repository';
import { appeal, journalOf, journalSince, openWorld, rowOf, uploadedFile, World } from './support/workflow';

/**
 * The workflow on services (CONVENTIONS.md #18): the transition runner and every action handler,
 * intake and the SLA tick, on a real PostgreSQL — what each step changes and the journal rows
 * (history, audit, outbox) it writes, once. Each test makes its own appeals; the SLA tests start
 * from an empty appeals table.
 */
let w: World;
beforeAll(async () => {
  w = await openWorld();
}, 60_000);
afterAll(async () => {
  await w?.close();
});

/** The problem a step fails with: status, code and the first field error. */
async function refusal(step: Promise<unknown>): Promise<{ status: number; code: string; field?: string; fieldCode?: string }> {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: error.status, code: error.code, ...(error.errors[0] ? { field: error.errors[0].field, fieldCode: error.errors[0].code } : {}) };
  }
  throw new Error('the step succeeded');
}

/** One journal entry each in history, audit and outbox, for `event`. */
const once = (event: string) => ({ history: [event], audit: [`appeal.${event}`], outbox: [`appeal.${event}`] });

describe('intake', () => {
  it('files and registers at once: a number, the category’s department, deadlines, one journal entry', async () => {
    const filed = await appeal(w).registered().build();
    expect(filed).toMatchObject({ status: AppealStatus.Registered });
    const row = await rowOf(w, filed.id);
    expect(row.department_id).toBe(w.departments['tech-support']);
    expect(row.number).not.toBeNull();
    expect(row.due_at).not.toBeNull();
    expect(await journalOf(w, filed.id)).toEqual(once('submitted'));
  });

  it('a draft has no number until it is submitted; submitting registers it with one journal entry', async () => {
    const draft = await w.intake.create(w.people.citizen, { type: AppealType.Question, categoryId: w.categories.knowledge, subject: 'Черновик', text: 'Текст', draft: true });
    expect(draft.status).toBe(AppealStatus.Draft);
    expect((await rowOf(w, draft.id)).number).toBeNull();
    expect(await refusal(w.staff.act(w.people.operator, draft.id, StaffAction.Take, {}))).toEqual({ status: 404, code: 'not_found' });
    const before = await journalOf(w, draft.id);
    expect((await w.intake.submit(w.people.citizen, draft.id)).status).toBe(AppealStatus.Registered);
    expect(await journalSince(w, draft.id, before)).toEqual(once('submitted'));
  });

  it('refuses a subcategory as the category and a decision appeal filed directly (422, nothing written)', async () => {
    const [{ n: before }] = await w.db.query(`SELECT count(*)::int AS n FROM appeals`);
    expect(await refusal(w.intake.create(w.people.citizen, { type: AppealType.Complaint, categoryId: w.categories['tech-cabinet'], subject: 'x', text: 'y' }))).toMatchObject({ status: 422, field: 'categoryId', fieldCode: 'unknown_category' });
    expect(await refusal(w.intake.create(w.people.citizen, { type: AppealType.DecisionAppeal, categoryId: w.categories.knowledge, subject: 'x', text: 'y' }))).toMatchObject({ status: 422, field: 'type', fieldCode: 'type_not_allowed' });
    const [{ n: after }] = await w.db.query(`SELECT count(*)::int AS n FROM appeals`);
    expect(after).toBe(before);
  });
});

describe('transition runner', () => {
  it('take: registered → in_progress, the actor is the assignee, the first reaction is now, one journal entry', async () => {
    const a = await appeal(w).build();
    const before = await journalOf(w, a.id);
    const taken = await w.staff.act(w.people.operator, a.id, StaffAction.Take, {});
    expect(taken.status).toBe(AppealStatus.InProgress);
    const row = await rowOf(w, a.id);
    expect(row.assignee_id).toBe(w.people.operator.userId);
    expect(row.first_reaction_at).not.toBeNull();
    expect(row.version).toBe(2);
    expect(await journalSince(w, a.id, before)).toEqual(once('taken'));
    const [history] = await w.db.query(`SELECT from_status, to_status, actor_position FROM appeal_history WHERE appeal_id = $1 AND event = 'taken'`, [a.id]);
    expect(history).toEqual({ from_status: 'registered', to_status: 'in_progress', actor_position: 'Специалист' });
  });

  it('an action writes the columns it changed and nothing else, and answers with the version the row now has', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const before = await rowOf(w, a.id);
    const extended = await w.staff.act(w.people.operator, a.id, StaffAction.Extend, { reason: 'Нужна экспертиза' });
    const after = await rowOf(w, a.id);
    expect(extended.version).toBe(after.version);
    expect(after.version).toBe(before.version + 1);
    expect(new Date(after.updated_at).getTime()).toBeGreaterThan(new Date(before.updated_at).getTime());
    const differing = Object.keys(after).filter((column) => JSON.stringify(after[column]) !== JSON.stringify(before[column])).sort();
    expect(differing).toEqual(['due_at', 'extended', 'updated_at', 'version']);
    // The version answered is the one the next action may send back.
    expect((await w.staff.act(w.people.operator, a.id, StaffAction.SendForApproval, { expectedVersion: extended.version })).status).toBe(AppealStatus.AwaitingApproval);
    expect((await rowOf(w, a.id)).version).toBe(extended.version + 1);
  });

  it('more actions at once than the pool has connections, no setting and no profile remembered: each reads in its own transaction, none waits for a second connection', async () => {
    const pool = (w.db.driver as unknown as { master: { options: { max: number } } }).master.options.max;
    const appeals: { id: string }[] = [];
    for (let i = 0; i < pool + 5; i++) appeals.push(await appeal(w).takenBy('operator').build());
    // Every copy of the settings (departments, categories, routing, SLA policies, the calendar) and the profile.
    w.app.get(SettingsChanges).dropAll();
    w.app.get(UserAccounts).forgetProfile(w.people.operator.userId);
    const acted = await Promise.all(appeals.map((a) => w.staff.act(w.people.operator, a.id, StaffAction.Extend, { reason: 'Нужна экспертиза' })));
    expect(acted.every((a) => a.status === AppealStatus.InProgress)).toBe(true);
    const positions = await w.db.query(`SELECT DISTINCT actor_position FROM appeal_history WHERE event = 'extended' AND appeal_id = ANY($1)`, [appeals.map((a) => a.id)]);
    expect(positions).toEqual([{ actor_position: 'Специалист' }]);
  }, 30_000);

  it('a transition the table refuses is a 409 naming what is allowed, and writes nothing', async () => {
    const a = await appeal(w).build();
    const before = await journalOf(w, a.id);
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.Approve, {}))).toEqual({ status: 409, code: 'invalid_transition' });
    expect(await journalSince(w, a.id, before)).toEqual({ history: [], audit: [], outbox: [] });
    expect((await rowOf(w, a.id)).version).toBe(1);
  });

  it('a stale expected version is a 409 version_conflict, and writes nothing', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const before = await journalOf(w, a.id);
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.SendForApproval, { expectedVersion: 1 }))).toEqual({ status: 409, code: 'version_conflict' });
    expect(await journalSince(w, a.id, before)).toEqual({ history: [], audit: [], outbox: [] });
    expect((await w.staff.act(w.people.operator, a.id, StaffAction.SendForApproval, { expectedVersion: 2 })).status).toBe(AppealStatus.AwaitingApproval);
  });

  it("the action's own body is checked after the table: a missing field is isNotEmpty, a refused action with it missing is still a 409", async () => {
    const a = await appeal(w).build();
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.Assign, {}))).toMatchObject({ status: 422, field: 'assigneeId', fieldCode: 'isNotEmpty' });
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.ReturnProposal, {}))).toEqual({ status: 409, code: 'invalid_transition' });
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.Take, { action: StaffAction.Assign }))).toMatchObject({ status: 422, field: 'action', fieldCode: 'action_mismatch' });
    expect((await w.staff.act(w.people.operator, a.id, StaffAction.Take, { action: StaffAction.Take })).status).toBe(AppealStatus.InProgress);
  });

  it('role rules: an operator may not terminate correspondence (403 approval_required); a citizen acts only on their own appeal (404)', async () => {
    const a = await appeal(w).takenBy('operator').build();
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.TerminateCorrespondence, { reason: 'x' }))).toEqual({ status: 403, code: 'approval_required' });
    expect(await refusal(w.citizen.act(w.people.citizen2, a.id, 'withdraw'))).toEqual({ status: 404, code: 'not_found' });
  });

  it('a failing effect rolls the whole transition back', async () => {
    const a = await appeal(w).build();
    const before = await journalOf(w, a.id);
    const stranger = '00000000-0000-4000-8000-000000000001';
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.Assign, { assigneeId: stranger }))).toMatchObject({ status: 422, field: 'assigneeId', fieldCode: 'not_department_staff' });
    expect(await journalSince(w, a.id, before)).toEqual({ history: [], audit: [], outbox: [] });
    expect((await rowOf(w, a.id)).status).toBe(AppealStatus.Registered);
  });
});

describe('staff action handlers', () => {
  it('assign: to a colleague of the department; the audit names both', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const before = await journalOf(w, a.id);
    await w.staff.act(w.people.operator, a.id, StaffAction.Assign, { assigneeId: w.people.operator2.userId });
    expect((await rowOf(w, a.id)).assignee_id).toBe(w.people.operator2.userId);
    expect(await journalSince(w, a.id, before)).toEqual(once('assigned'));
    const [audit] = await w.db.query(`SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'appeal.assigned'`, [a.id]);
    expect(audit.details).toMatchObject({ fromAssigneeId: w.people.operator.userId, toAssigneeId: w.people.operator2.userId, from: 'in_progress', to: 'in_progress' });
  });

  it('request-documents: awaiting_citizen, the clock paused, the citizen told in the thread (the outbox names the notice)', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const dueOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const before = await journalOf(w, a.id);
    expect((await w.staff.act(w.people.operator, a.id, StaffAction.RequestDocuments, { documents: ['Скриншот'], dueOn })).status).toBe(AppealStatus.AwaitingCitizen);
    const row = await rowOf(w, a.id);
    expect(row.sla_paused_at).not.toBeNull();
    expect(await journalSince(w, a.id, before)).toEqual(once('documents_requested'));
    const [event] = await w.db.query(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.documents_requested'`, [a.id]);
    const [message] = await w.db.query(`SELECT id, body, internal FROM appeal_messages WHERE appeal_id = $1`, [a.id]);
    expect(event.payload).toMatchObject({ noticeMessageId: message.id, from: 'in_progress', to: 'awaiting_citizen' });
    expect(message).toMatchObject({ internal: false, body: expect.stringContaining('1. Скриншот') });
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.RequestDocuments, { documents: ['x'] }))).toEqual({ status: 409, code: 'invalid_transition' });
  });

  it('request-documents refuses a due date out of range (422 date_out_of_range)', async () => {
    const a = await appeal(w).takenBy('operator').build();
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.RequestDocuments, { documents: ['x'], dueOn: '2000-01-01' }))).toMatchObject({ status: 422, field: 'dueOn', fieldCode: 'date_out_of_range' });
  });

  it('send-for-approval → awaiting_approval; approve (supervisor only) → in_progress; the answer records the approver', async () => {
    const a = await appeal(w).takenBy('operator').build();
    await w.staff.act(w.people.operator, a.id, StaffAction.SendForApproval, {});
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.Approve, {}))).toEqual({ status: 403, code: 'supervisor_only' });
    const before = await journalOf(w, a.id);
    expect((await w.staff.act(w.people.supervisor, a.id, StaffAction.Approve, {})).status).toBe(AppealStatus.InProgress);
    expect(await journalSince(w, a.id, before)).toEqual(once('approved'));
    await w.answers.answer(w.people.operator, a.id, { result: AnswerResult.Done, resultCode: 1, text: 'Готово' });
    const [answer] = await w.db.query(`SELECT approved_by FROM answers WHERE appeal_id = $1`, [a.id]);
    expect(answer.approved_by).toBe(w.people.supervisor.userId);
  });

  it('redirect: registered again in the target department, the citizen told why', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const before = await journalOf(w, a.id);
    const moved = await w.staff.act(w.people.operator, a.id, StaffAction.Redirect, { departmentId: w.departments.finance, reason: 'Вопрос об оплате' });
    expect(moved.status).toBe(AppealStatus.Registered);
    const row = await rowOf(w, a.id);
    expect(row).toMatchObject({ department_id: w.departments.finance, assignee_id: null });
    expect(await journalSince(w, a.id, before)).toEqual(once('redirected'));
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.Redirect, { departmentId: w.departments.finance, reason: 'x' }))).toMatchObject({ status: 422, field: 'departmentId', fieldCode: 'invalid_department' });
  });

  it('extend (supervisor): the term moves once; a second extension is refused', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const due = (await rowOf(w, a.id)).due_at as Date;
    const before = await journalOf(w, a.id);
    await w.staff.act(w.people.supervisor, a.id, StaffAction.Extend, { reason: 'Нужна проверка', days: 10 });
    const row = await rowOf(w, a.id);
    expect(row.extended).toBe(true);
    expect((row.due_at as Date).getTime()).toBeGreaterThan(due.getTime());
    expect(await journalSince(w, a.id, before)).toEqual(once('extended'));
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.Extend, { reason: 'Ещё' }))).toEqual({ status: 409, code: 'invalid_transition' });
  });

  it('no-answer-required (supervisor): closed without an answer on the merits; answer_published needs the page', async () => {
    const a = await appeal(w).takenBy('operator').build();
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.NoAnswerRequired, { grounds: NoAnswerGround.AnswerPublished }))).toMatchObject({ status: 422, field: 'publishedUrl', fieldCode: 'isNotEmpty' });
    const before = await journalOf(w, a.id);
    const closed = await w.staff.act(w.people.supervisor, a.id, StaffAction.NoAnswerRequired, { grounds: NoAnswerGround.AnswerPublished, publishedUrl: 'https://example.ru/answers/1' });
    expect(closed.status).toBe(AppealStatus.Closed);
    expect(await rowOf(w, a.id)).toMatchObject({ no_answer_required: true });
    expect(await journalSince(w, a.id, before)).toEqual(once('no_answer_required'));
  });

  it('terminate-correspondence (supervisor): needs two earlier answered appeals of the same citizen', async () => {
    const earlier = [await appeal(w).takenBy('operator').answered().build(), await appeal(w).takenBy('operator').answered().build()];
    const a = await appeal(w).takenBy('operator').build();
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.TerminateCorrespondence, { reason: 'Повтор' }))).toMatchObject({ status: 422, field: 'repeatsAppealIds', fieldCode: 'repeats_required' });
    const before = await journalOf(w, a.id);
    const closed = await w.staff.act(w.people.supervisor, a.id, StaffAction.TerminateCorrespondence, { reason: 'Повтор', repeatsAppealIds: earlier.map((e) => e.id) });
    expect(closed.status).toBe(AppealStatus.Closed);
    expect(await rowOf(w, a.id)).toMatchObject({ correspondence_terminated: true });
    expect(await journalSince(w, a.id, before)).toEqual(once('correspondence_terminated'));
    const notes = await w.db.query(`SELECT internal FROM appeal_messages WHERE appeal_id = $1 ORDER BY created_at`, [a.id]);
    expect(notes.map((n: { internal: boolean }) => n.internal)).toEqual([false, true]);
  });

  it('reopen (staff): an answered appeal back to work', async () => {
    const a = await appeal(w).takenBy('operator').answered().build();
    const before = await journalOf(w, a.id);
    expect((await w.staff.act(w.people.operator, a.id, StaffAction.Reopen, {})).status).toBe(AppealStatus.InProgress);
    expect(await journalSince(w, a.id, before)).toEqual(once('reopened'));
  });

  it('propose-termination → awaiting_approval with the proposal kept; approve-proposal carries it out under its own event', async () => {
    const earlier = [await appeal(w).takenBy('operator').answered().build(), await appeal(w).takenBy('operator').answered().build()];
    const a = await appeal(w).takenBy('operator').build();
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.ProposeTermination, { repeatsAppealIds: earlier.map((e) => e.id) }))).toMatchObject({ status: 422, field: 'reason', fieldCode: 'isNotEmpty' });
    let before = await journalOf(w, a.id);
    const proposed = await w.staff.act(w.people.operator, a.id, StaffAction.ProposeTermination, { reason: 'Повтор', repeatsAppealIds: earlier.map((e) => e.id) });
    expect(proposed.status).toBe(AppealStatus.AwaitingApproval);
    expect((await rowOf(w, a.id)).pending_proposal).toMatchObject({ action: StaffAction.TerminateCorrespondence, reason: 'Повтор', body: { reason: 'Повтор', repeatsAppealIds: earlier.map((e) => e.id) } });
    expect(await journalSince(w, a.id, before)).toEqual(once('proposal_made'));
    const [made] = await w.db.query(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.proposal_made'`, [a.id]);
    expect(made.payload.recipients).toEqual([w.people.supervisor.userId]);
    before = await journalOf(w, a.id);
    expect((await w.staff.act(w.people.supervisor, a.id, StaffAction.ApproveProposal, { comment: 'Согласовано' })).status).toBe(AppealStatus.Closed);
    expect(await rowOf(w, a.id)).toMatchObject({ pending_proposal: null, correspondence_terminated: true });
    expect(await journalSince(w, a.id, before)).toEqual(once('correspondence_terminated'));
  });

  describe('where the department asks for approval', () => {
    // Set as an admin sets it (the process's copy of the departments is dropped at the change).
    const approvals = (approvalRequiredFor: ApprovableBySetting[]) =>
      w.app.get(WorkflowAdminService).updateDepartment(w.people.admin, w.departments['tech-support'], { approvalRequiredFor });
    beforeAll(() => approvals([StaffAction.Extend, StaffAction.NoAnswerRequired]));
    afterAll(() => approvals([]));

    it('propose-extension → return-proposal: back to work with the remark in the internal thread', async () => {
      const a = await appeal(w).takenBy('operator').build();
      expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.Extend, { reason: 'x' }))).toEqual({ status: 403, code: 'approval_required' });
      await w.staff.act(w.people.operator, a.id, StaffAction.ProposeExtension, { reason: 'Нужна экспертиза', days: 5 });
      expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.ReturnProposal, {}))).toMatchObject({ status: 422, field: 'remark', fieldCode: 'isNotEmpty' });
      const before = await journalOf(w, a.id);
      expect((await w.staff.act(w.people.supervisor, a.id, StaffAction.ReturnProposal, { remark: 'Обоснуйте' })).status).toBe(AppealStatus.InProgress);
      expect(await rowOf(w, a.id)).toMatchObject({ pending_proposal: null, extended: false });
      expect(await journalSince(w, a.id, before)).toEqual(once('proposal_returned'));
    });

    it('propose-no-answer → approve-proposal: closed without an answer, under no_answer_required', async () => {
      const a = await appeal(w).takenBy('operator').build();
      expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.ProposeNoAnswer, {}))).toMatchObject({ status: 422, field: 'grounds', fieldCode: 'isNotEmpty' });
      await w.staff.act(w.people.operator, a.id, StaffAction.ProposeNoAnswer, { grounds: NoAnswerGround.Unreadable });
      const before = await journalOf(w, a.id);
      expect((await w.staff.act(w.people.supervisor, a.id, StaffAction.ApproveProposal, {})).status).toBe(AppealStatus.Closed);
      expect(await rowOf(w, a.id)).toMatchObject({ no_answer_required: true });
      expect(await journalSince(w, a.id, before)).toEqual(once('no_answer_required'));
    });

    it('propose-extension → approve-proposal: extended, back to work', async () => {
      const a = await appeal(w).takenBy('operator').build();
      await w.staff.act(w.people.operator, a.id, StaffAction.ProposeExtension, { reason: 'Нужна экспертиза' });
      const before = await journalOf(w, a.id);
      expect((await w.staff.act(w.people.supervisor, a.id, StaffAction.ApproveProposal, {})).status).toBe(AppealStatus.InProgress);
      expect(await rowOf(w, a.id)).toMatchObject({ extended: true });
      expect(await journalSince(w, a.id, before)).toEqual(once('extended'));
    });
  });

  it('bulk assign: each appeal on its own; a refused one reports its code', async () => {
    const ok = await appeal(w).build();
    const closed = await appeal(w).citizenStep('withdraw').build();
    const result = await w.staff.bulk(w.people.supervisor, { ids: [ok.id, closed.id], action: StaffAction.Assign, assigneeId: w.people.operator.userId });
    expect(result.results).toEqual([
      { id: ok.id, ok: true, status: AppealStatus.InProgress },
      { id: closed.id, ok: false, code: 'invalid_transition' },
    ]);
  });
});

describe('answer handler', () => {
  it('done → resolved with the answer row; refused without a reason is 422 before anything is loaded; clarification → awaiting_citizen', async () => {
    const a = await appeal(w).takenBy('operator').build();
    expect(await refusal(w.answers.answer(w.people.operator, a.id, { result: AnswerResult.Refused, resultCode: 2, text: 'Нет' }))).toMatchObject({ status: 422, field: 'reason', fieldCode: 'reason_required' });
    const before = await journalOf(w, a.id);
    expect((await w.answers.answer(w.people.operator, a.id, { result: AnswerResult.Done, resultCode: 1, text: 'Исправлено' })).status).toBe(AppealStatus.Resolved);
    expect(await journalSince(w, a.id, before)).toEqual(once('answered'));
    expect((await w.answers.current(w.people.citizen, a.id)).answer).toMatchObject({ result: 'done', text: 'Исправлено', executorPosition: 'Специалист' });
    const b = await appeal(w).takenBy('operator').build();
    expect((await w.answers.answer(w.people.operator, b.id, { result: AnswerResult.ClarificationNeeded, resultCode: 3, text: 'Уточните номер' })).status).toBe(AppealStatus.AwaitingCitizen);
    expect((await rowOf(w, b.id)).sla_paused_at).not.toBeNull();
  });
});

describe('citizen action handlers', () => {
  it('withdraw and close end the appeal; a later action is refused', async () => {
    const a = await appeal(w).build();
    expect(await refusal(w.citizen.act(w.people.citizen, a.id, 'withdraw', { action: 'close' }))).toMatchObject({ status: 422, field: 'action', fieldCode: 'action_mismatch' });
    const before = await journalOf(w, a.id);
    expect((await w.citizen.act(w.people.citizen, a.id, 'withdraw', { comment: 'Решилось', action: 'withdraw' })).status).toBe(AppealStatus.Withdrawn);
    expect((await rowOf(w, a.id)).closed_at).not.toBeNull();
    expect(await journalSince(w, a.id, before)).toEqual(once('withdrawn'));
    expect(await refusal(w.citizen.act(w.people.citizen, a.id, 'close'))).toEqual({ status: 409, code: 'invalid_transition' });
    const b = await appeal(w).takenBy('operator').answered().build();
    expect((await w.citizen.act(w.people.citizen, b.id, 'close')).status).toBe(AppealStatus.Closed);
  });

  it('mark-important twice writes one entry; unmark-important clears it', async () => {
    const a = await appeal(w).build();
    const before = await journalOf(w, a.id);
    await w.citizen.act(w.people.citizen, a.id, 'mark-important');
    await w.citizen.act(w.people.citizen, a.id, 'mark-important');
    expect(await journalSince(w, a.id, before)).toEqual(once('marked_important'));
    await w.citizen.act(w.people.citizen, a.id, 'unmark-important');
    expect(await rowOf(w, a.id)).toMatchObject({ important: false });
  });

  it('request-clarification and reopen (a question) go back to work and count as unsuccessful rounds; then escalate', async () => {
    const a = await appeal(w).ofType(AppealType.Question).takenBy('operator').answered().build();
    expect(await refusal(w.citizen.act(w.people.citizen, a.id, 'escalate'))).toEqual({ status: 409, code: 'invalid_transition' });
    let before = await journalOf(w, a.id);
    expect((await w.citizen.act(w.people.citizen, a.id, 'request-clarification')).status).toBe(AppealStatus.InProgress);
    expect(await journalSince(w, a.id, before)).toEqual(once('clarification_requested'));
    await w.answers.answer(w.people.operator, a.id, { result: AnswerResult.Done, resultCode: 1, text: 'Ещё раз' });
    before = await journalOf(w, a.id);
    expect((await w.citizen.act(w.people.citizen, a.id, 'reopen')).status).toBe(AppealStatus.InProgress);
    expect(await journalSince(w, a.id, before)).toEqual(once('reopened'));
    expect((await rowOf(w, a.id)).unsuccessful_rounds).toBe(2);
    before = await journalOf(w, a.id);
    await w.citizen.act(w.people.citizen, a.id, 'escalate');
    expect(await rowOf(w, a.id)).toMatchObject({ escalated: true, escalated_to_department_id: w.departments.administration });
    expect(await journalSince(w, a.id, before)).toEqual(once('escalated'));
  });

  it('dispute files a linked decision appeal (answered with it); the original counts a round', async () => {
    const a = await appeal(w).takenBy('operator').answered(AnswerResult.Refused).build();
    expect(await refusal(w.citizen.act(w.people.citizen, a.id, 'dispute'))).toMatchObject({ status: 422, field: 'text', fieldCode: 'isNotEmpty' });
    const before = await journalOf(w, a.id);
    const linked = await w.citizen.act(w.people.citizen, a.id, 'dispute', { text: 'Не согласен' });
    expect(linked).toMatchObject({ type: AppealType.DecisionAppeal, status: AppealStatus.Registered });
    expect(linked.id).not.toBe(a.id);
    expect(await journalSince(w, a.id, before)).toEqual(once('disputed'));
    expect(await journalOf(w, linked.id)).toEqual(once('submitted'));
    expect((await rowOf(w, a.id)).unsuccessful_rounds).toBe(1);
  });

  it('resubmit files the same request again, linked', async () => {
    const a = await appeal(w).takenBy('operator').answered(AnswerResult.Refused).build();
    const again = await w.citizen.act(w.people.citizen, a.id, 'resubmit');
    expect(again).toMatchObject({ type: AppealType.Complaint, status: AppealStatus.Registered });
    expect((await rowOf(w, again.id)).parent_appeal_id).toBe(a.id);
    expect((await journalOf(w, a.id)).history.at(-1)).toBe('resubmitted');
  });

  it('add-materials: bound to the appeal; from awaiting_citizen back to work with the clock running again', async () => {
    const dueOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const a = await appeal(w).takenBy('operator').staffStep('operator', StaffAction.RequestDocuments, { documents: ['Скан'], dueOn }).build();
    const file = await uploadedFile(w, 'citizen');
    expect(await refusal(w.citizen.addMaterials(w.people.citizen2, a.id, { attachmentIds: [file] }))).toEqual({ status: 404, code: 'not_found' });
    const before = await journalOf(w, a.id);
    expect((await w.citizen.addMaterials(w.people.citizen, a.id, { attachmentIds: [file], comment: 'Скан приложен' })).status).toBe(AppealStatus.InProgress);
    expect(await rowOf(w, a.id)).toMatchObject({ sla_paused_at: null });
    expect(await journalSince(w, a.id, before)).toEqual(once('materials_added'));
    const [bound] = await w.db.query(`SELECT appeal_id FROM attachments WHERE id = $1`, [file]);
    expect(bound.appeal_id).toBe(a.id);
    const closed = await appeal(w).citizenStep('withdraw').build();
    expect(await refusal(w.citizen.addMaterials(w.people.citizen, closed.id, { attachmentIds: [await uploadedFile(w, 'citizen')] }))).toEqual({ status: 409, code: 'invalid_transition' });
  });

  it('rate: once, a low score with a comment goes to re-review', async () => {
    const a = await appeal(w).takenBy('operator').answered().build();
    const before = await journalOf(w, a.id);
    await w.citizen.rate(w.people.citizen, a.id, { score: 2, comment: 'Плохо' });
    expect(await rowOf(w, a.id)).toMatchObject({ rating: 2, rereview: true });
    expect(await journalSince(w, a.id, before)).toEqual(once('rated'));
    expect(await refusal(w.citizen.rate(w.people.citizen, a.id, { score: 5 }))).toEqual({ status: 409, code: 'invalid_transition' });
  });

  it('record-review: the supervisor upholds a low-rated answer once; the appeal leaves the list and the citizen hears the conclusion', async () => {
    const a = await appeal(w).takenBy('operator').answered().build();
    // Not on the list yet: nothing to review.
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.RecordReview, { outcome: ReviewOutcome.Upheld, reason: 'x' }))).toEqual({ status: 409, code: 'invalid_transition' });
    await w.citizen.rate(w.people.citizen, a.id, { score: 1, comment: 'Не решено' });
    expect(await refusal(w.staff.act(w.people.operator, a.id, StaffAction.RecordReview, { outcome: ReviewOutcome.Upheld, reason: 'x' }))).toEqual({ status: 403, code: 'supervisor_only' });
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.RecordReview, { outcome: ReviewOutcome.Upheld }))).toMatchObject({ status: 422, field: 'reason', fieldCode: 'isNotEmpty' });
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.RecordReview, { outcome: 'maybe', reason: 'x' } as never))).toMatchObject({ status: 422, field: 'outcome' });
    const before = await journalOf(w, a.id);
    const statusBefore = (await rowOf(w, a.id)).status;
    const reviewed = await w.staff.act(w.people.supervisor, a.id, StaffAction.RecordReview, { outcome: ReviewOutcome.Upheld, reason: 'Ответ дан по существу и в срок' });
    expect(reviewed.status).toBe(statusBefore);
    expect(await rowOf(w, a.id)).toMatchObject({ rereview: false, review_outcome: 'upheld' });
    expect((await rowOf(w, a.id)).reviewed_at).not.toBeNull();
    expect(await journalSince(w, a.id, before)).toEqual(once('reviewed'));
    const [event] = await w.db.query(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.reviewed'`, [a.id]);
    expect(event.payload).toMatchObject({ comment: 'Ответ дан по существу и в срок' });
    // Once: off the list, the action is no longer admitted.
    expect(await refusal(w.staff.act(w.people.supervisor, a.id, StaffAction.RecordReview, { outcome: ReviewOutcome.Upheld, reason: 'Ещё раз' }))).toEqual({ status: 409, code: 'invalid_transition' });
  });

  it('record-review reopened: back to work for a new answer', async () => {
    const a = await appeal(w).takenBy('operator').answered().build();
    await w.citizen.rate(w.people.citizen, a.id, { score: 2, comment: 'Ответ не по существу' });
    const reviewed = await w.staff.act(w.people.supervisor, a.id, StaffAction.RecordReview, { outcome: ReviewOutcome.Reopened, reason: 'Нужен ответ по существу' });
    expect(reviewed.status).toBe(AppealStatus.InProgress);
    expect(await rowOf(w, a.id)).toMatchObject({ status: 'in_progress', rereview: false, review_outcome: 'reopened', closed_at: null });
  });
});

describe('SLA tick (set-based, the same journal rows)', () => {
  beforeEach(async () => {
    await w.db.query(`TRUNCATE appeals, outbox CASCADE`);
  });

  it('overdue: flagged, escalated to the parent department, history overdue + escalated, one audit row, one outbox event for the head', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const b = await appeal(w).takenBy('operator').build();
    const late = new Date(Date.now() + 120 * 86_400_000);
    expect(await w.tick.markOverdue(late)).toBe(2);
    const row = await rowOf(w, a.id);
    expect(row).toMatchObject({ overdue: true, escalated: true, escalated_to_department_id: w.departments.administration, status: 'in_progress', version: 3 });
    expect(await journalOf(w, a.id)).toEqual({
      history: ['submitted', 'taken', 'overdue', 'escalated'],
      audit: ['appeal.submitted', 'appeal.taken', 'appeal.overdue'],
      outbox: ['appeal.submitted', 'appeal.taken', 'appeal.overdue'],
    });
    const [event] = await w.db.query(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'appeal.overdue'`, [a.id]);
    expect(event.payload).toMatchObject({ appealId: a.id, from: 'in_progress', to: 'in_progress', actorId: null, actorRole: 'system', recipients: [w.people.supervisor.userId], escalatedToDepartmentId: w.departments.administration });
    const [history] = await w.db.query(`SELECT actor_role, actor_name, actor_id FROM appeal_history WHERE appeal_id = $1 AND event = 'overdue'`, [b.id]);
    expect(history).toEqual({ actor_role: 'system', actor_name: 'Система', actor_id: null });
    expect(await w.tick.markOverdue(late)).toBe(0);
  });

  it('overdue skips a paused clock (awaiting_citizen)', async () => {
    const dueOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await appeal(w).takenBy('operator').staffStep('operator', StaffAction.RequestDocuments, { documents: ['x'], dueOn }).build();
    expect(await w.tick.markOverdue(new Date(Date.now() + 120 * 86_400_000))).toBe(0);
  });

  it('auto-close: answered and left alone → closed by the system, once', async () => {
    const a = await appeal(w).takenBy('operator').answered().build();
    const open = await appeal(w).takenBy('operator').build();
    const later = new Date(Date.now() + 60 * 86_400_000);
    expect(await w.tick.autoClose(later)).toBe(1);
    expect(await rowOf(w, a.id)).toMatchObject({ status: 'closed', version: 4 });
    expect((await rowOf(w, open.id)).status).toBe('in_progress');
    expect(await journalSince(w, a.id, { history: ['submitted', 'taken', 'answered'], audit: ['', '', ''], outbox: ['', '', ''] })).toEqual(once('auto_closed'));
    const [audit] = await w.db.query(`SELECT actor_role, details FROM audit_log WHERE entity_id = $1 AND action = 'appeal.auto_closed'`, [a.id]);
    expect(audit).toMatchObject({ actor_role: 'system', details: { from: 'resolved', to: 'closed' } });
    expect(await w.tick.autoClose(later)).toBe(0);
  });

  it('a whole tick: an untouched appeal is overdue and its first reaction late; that notice has no history row', async () => {
    const a = await appeal(w).build();
    const stats = await w.tick.tick(new Date(Date.now() + 120 * 86_400_000));
    expect(stats).toMatchObject({ overdue: 1, firstReactionOverdue: 1, autoClosed: 0 });
    expect(await journalOf(w, a.id)).toEqual({
      history: ['submitted', 'overdue', 'escalated'],
      audit: ['appeal.submitted', 'appeal.overdue'],
      outbox: ['appeal.submitted', 'appeal.overdue', 'appeal.first_reaction_overdue'],
    });
  });
});
