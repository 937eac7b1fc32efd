import { flatten, SECTION_KEYS } from './report-flatten';

describe('flatten (the CSV, XLSX and PDF rows of a report)', () => {
  it('keys the gratitude report’s employees by the employee, which the PDF prints as a name', () => {
    const rows = [...flatten({ byEmployee: [{ staffId: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Иванова И. И.', count: 3 }] })];
    expect(rows).toEqual([
      ['byEmployee', 'a1b2c3d4-0000-4000-8000-000000000001', 'name', 'Иванова И. И.'],
      ['byEmployee', 'a1b2c3d4-0000-4000-8000-000000000001', 'count', '3'],
    ]);
    expect(SECTION_KEYS.byEmployee).toBe('staff');
  });

  it('tells the operators report’s rows (staff) from the quality report’s re-review list (appeal numbers)', () => {
    const operators = [...flatten({ items: [{ assigneeId: 'a1b2c3d4-0000-4000-8000-000000000002', name: null, assigned: 2 }] })];
    expect(operators[0].slice(0, 2)).toEqual(['items', 'a1b2c3d4-0000-4000-8000-000000000002']);
    expect(SECTION_KEYS[operators[0][0]]).toBe('staff');
    const rereview = [...flatten({ rereview: { items: [{ number: 100042, score: 1 }] } })];
    expect(rereview[0].slice(0, 2)).toEqual(['rereview.items', '100042']);
    expect(SECTION_KEYS[rereview[0][0]]).toBeUndefined();
  });

  it('names the sections keyed by departments and categories, nested ones by their path', () => {
    expect(SECTION_KEYS['overdueNow.byDepartment']).toBe('department');
    expect(SECTION_KEYS['overdueNow.byOperator']).toBe('staff');
    expect(SECTION_KEYS.byCategory).toBe('category');
    expect(SECTION_KEYS.byDay).toBeUndefined();
  });
});
