import type { Schemas } from '@otklik/shared/api/client';
import { describe, expect, it } from 'vitest';
import { changeLines } from '../audit/audit-log.page';
import { originLines, treeRows } from './departments.page';

const dept = (id: string, nameRu: string, parentId: string | null): Schemas['AdminDepartmentDto'] => ({
  id,
  code: id,
  nameRu,
  nameEn: nameRu,
  parentId,
  isGeneralPool: false,
  autoAssign: false,
  approvalRequiredFor: [],
  workingHours: null,
  headId: null,
  retiredAt: null,
});

describe('treeRows', () => {
  it('puts each parent before its children, siblings by name, with their depth', () => {
    const rows = treeRows([dept('c', 'Финансы', 'a'), dept('a', 'Администрация', null), dept('b', 'Бухгалтерия', 'c'), dept('d', 'Архив', 'a')]);
    expect(rows.map((r) => `${r.depth}:${r.department.id}`)).toEqual(['0:a', '1:d', '1:c', '2:b']);
  });

  it('shows a department whose parent is unknown at the top, and survives a cycle in the data', () => {
    const rows = treeRows([dept('x', 'Икс', 'missing'), dept('p', 'П', 'q'), dept('q', 'Q', 'p')]);
    expect(rows.map((r) => r.department.id)).toEqual(['x']);
  });
});

describe('changeLines', () => {
  it('reads changes as field: before → after, a missing side as a dash', () => {
    expect(changeLines({ lockedAt: { from: null, to: '2026-12-06T07:00:00.000Z' }, ipAllowList: { from: [], to: ['10.0.0.0/8'] } })).toEqual([
      { field: 'lockedAt', from: '—', to: '2026-12-06T07:00:00.000Z' },
      { field: 'ipAllowList', from: '[]', to: '["10.0.0.0/8"]' },
    ]);
    expect(changeLines(null)).toEqual([]);
  });
});

describe('originLines', () => {
  it('takes one origin a line, trimmed, without blank lines (the API judges each)', () => {
    expect(originLines(' https://a.example.ru \r\n\n\thttp://127.0.0.1:4310\n  \nnot an origin')).toEqual(['https://a.example.ru', 'http://127.0.0.1:4310', 'not an origin']);
    expect(originLines('')).toEqual([]);
  });
});
