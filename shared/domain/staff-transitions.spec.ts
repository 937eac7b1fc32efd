import { APPEAL_STATUSES, AppealStatus } from './appeal-status';
import {
  AnswerResult,
  allowedStaffActions,
  nextStatusForStaff,
  STAFF_ACTIONS,
  StaffAction,
  StaffActionNotAllowedError,
  staffActionAllowed,
} from './staff-transitions';

// Written independently of the implementation: rows are statuses, columns the actions in
// STAFF_ACTIONS order (take assign request-documents send-for-approval approve redirect extend
// no-answer-required terminate-correspondence reopen answer); the cell is the resulting status,
// '=' for "unchanged", '.' for "not allowed".
const COLUMNS = ['take', 'assign', 'request-documents', 'send-for-approval', 'approve', 'redirect', 'extend', 'no-answer-required', 'terminate-correspondence', 'reopen', 'answer'];
const EXPECTED: Record<AppealStatus, string> = {
  draft: '.           .           .                .               .           .           .  .       .       .           .',
  registered: 'in_progress in_progress .                .               .           registered  =  closed  closed  .           .',
  in_progress: '.           =           awaiting_citizen awaiting_approval .         registered  =  closed  closed  .           *',
  awaiting_approval: '.      =           .                .               in_progress .           =  .       .       .           *',
  awaiting_citizen: '.       =           .                .               .           .           =  .       .       .           .',
  resolved: '.           .           .                .               .           .           .  .       .       in_progress .',
  rejected: '.           .           .                .               .           .           .  .       .       in_progress .',
  closed: '.             .           .                .               .           .           .  .       .       in_progress .',
  withdrawn: '.          .           .                .               .           .           .  .       .       .           .',
};

const cell = (status: AppealStatus, action: StaffAction) => EXPECTED[status].trim().split(/\s+/)[COLUMNS.indexOf(action)];

describe('staff transitions', () => {
  it('the columns name every staff action, in order', () => {
    expect(COLUMNS).toEqual(STAFF_ACTIONS);
  });

  const matrix = APPEAL_STATUSES.flatMap((status) => STAFF_ACTIONS.map((action) => [status, action] as const));

  it.each(matrix)('%s × %s is allowed exactly as the table says, with the expected result', (status, action) => {
    const expected = cell(status, action);
    expect(staffActionAllowed(action, status)).toBe(expected !== '.');
    if (expected === '.') {
      expect(() => nextStatusForStaff(action, status, {}, AnswerResult.Done)).toThrow(StaffActionNotAllowedError);
    } else if (expected === '*') {
      expect(nextStatusForStaff(action, status, {}, AnswerResult.Done)).toBe(AppealStatus.Resolved);
      expect(nextStatusForStaff(action, status, {}, AnswerResult.Refused)).toBe(AppealStatus.Rejected);
      expect(nextStatusForStaff(action, status, {}, AnswerResult.ClarificationNeeded)).toBe(AppealStatus.AwaitingCitizen);
    } else {
      expect(nextStatusForStaff(action, status)).toBe(expected === '=' ? status : expected);
    }
  });

  it('an answer needs a result', () => {
    expect(() => nextStatusForStaff(StaffAction.Answer, AppealStatus.InProgress)).toThrow('An answer needs a result');
  });

  it('extends a deadline once', () => {
    expect(staffActionAllowed(StaffAction.Extend, AppealStatus.InProgress, { extended: false })).toBe(true);
    expect(staffActionAllowed(StaffAction.Extend, AppealStatus.InProgress, { extended: true })).toBe(false);
    expect(allowedStaffActions(AppealStatus.InProgress, { extended: true })).not.toContain(StaffAction.Extend);
  });

  it('asks for documents only when the author can send them: not on an appeal filed without an account', () => {
    expect(staffActionAllowed(StaffAction.RequestDocuments, AppealStatus.InProgress, { unidentified: false })).toBe(true);
    expect(staffActionAllowed(StaffAction.RequestDocuments, AppealStatus.InProgress, { unidentified: true })).toBe(false);
    expect(allowedStaffActions(AppealStatus.InProgress, { unidentified: true })).not.toContain(StaffAction.RequestDocuments);
  });

  it('redirects within 7 days of registration by default, or the configured number of days', () => {
    const registeredAt = new Date('2026-05-04T09:00:00Z');
    const at = (iso: string, days?: number) =>
      staffActionAllowed(StaffAction.Redirect, AppealStatus.Registered, { registeredAt, now: new Date(iso), redirectDays: days });
    expect(at('2026-05-11T09:00:00Z')).toBe(true);
    expect(at('2026-05-11T09:00:01Z')).toBe(false);
    expect(at('2026-05-12T09:00:00Z', 10)).toBe(true);
    expect(nextStatusForStaff(StaffAction.Redirect, AppealStatus.InProgress, { registeredAt, now: new Date('2026-05-05T00:00:00Z') })).toBe(
      AppealStatus.Registered,
    );
  });
});
