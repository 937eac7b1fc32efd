import { AppealStatus, SLA_RUNNING_STATUSES } from './appeal-status';
import { nextStatusForSystem, statusesAdmitting, SystemAction, systemActionTarget } from './system-transitions';

describe('system transitions', () => {
  it('overdue applies where the deadline runs and keeps the status', () => {
    expect(new Set(statusesAdmitting(SystemAction.MarkOverdue))).toEqual(new Set(SLA_RUNNING_STATUSES));
    expect(systemActionTarget(SystemAction.MarkOverdue)).toBe('unchanged');
    expect(() => nextStatusForSystem(SystemAction.MarkOverdue, AppealStatus.AwaitingCitizen)).toThrow();
  });

  it('auto-close closes answered appeals only', () => {
    expect(statusesAdmitting(SystemAction.AutoClose)).toEqual([AppealStatus.Resolved, AppealStatus.Rejected]);
    expect(systemActionTarget(SystemAction.AutoClose)).toBe(AppealStatus.Closed);
    expect(() => nextStatusForSystem(SystemAction.AutoClose, AppealStatus.InProgress)).toThrow();
  });
});
