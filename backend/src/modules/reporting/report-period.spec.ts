import { ReportPeriodKind, resolvePeriod } from './report-period';

describe('report periods', () => {
  it('a day, the ISO week and the calendar month containing the anchor, each with the one before', () => {
    expect(resolvePeriod(ReportPeriodKind.Day, '2026-03-01')).toEqual({ current: { from: '2026-03-01', to: '2026-03-01' }, previous: { from: '2026-02-28', to: '2026-02-28' } });
    expect(resolvePeriod(ReportPeriodKind.Week, '2026-03-01')).toEqual({ current: { from: '2026-02-23', to: '2026-03-01' }, previous: { from: '2026-02-16', to: '2026-02-22' } });
    expect(resolvePeriod(ReportPeriodKind.Month, '2026-03-31')).toEqual({ current: { from: '2026-03-01', to: '2026-03-31' }, previous: { from: '2026-02-01', to: '2026-02-28' } });
    expect(resolvePeriod(ReportPeriodKind.Month, '2026-01-15').previous).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('a custom range is compared with the range of the same length just before it; a bad one is a validation error', () => {
    expect(resolvePeriod(ReportPeriodKind.Custom, '2026-03-15', '2026-03-10', '2026-03-16').previous).toEqual({ from: '2026-03-03', to: '2026-03-09' });
    expect(() => resolvePeriod(ReportPeriodKind.Custom, '2026-03-15', '2026-03-10')).toThrow();
    expect(() => resolvePeriod(ReportPeriodKind.Custom, '2026-03-15', '2026-03-10', '2026-03-01')).toThrow();
    expect(() => resolvePeriod(ReportPeriodKind.Custom, '2026-03-15', '2010-01-01', '2026-03-01')).toThrow();
  });
});
