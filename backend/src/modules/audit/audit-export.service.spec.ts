import { changesText, csvSafe } from './audit-export.service';

describe('audit export helpers', () => {
  it('writes changes as field: before → after', () => {
    expect(changesText({ lockedAt: { from: null, to: '2026-12-06T07:00:00.000Z' }, ipAllowList: { from: [], to: ['10.0.0.0/8'] } })).toBe(
      'lockedAt: — → 2026-12-06T07:00:00.000Z; ipAllowList: [] → ["10.0.0.0/8"]',
    );
    expect(changesText(null)).toBe('');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvSafe('-1+2')).toBe("'-1+2");
    expect(csvSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvSafe('Иванов')).toBe('Иванов');
  });
});
