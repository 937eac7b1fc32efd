import { describe, expect, it } from 'vitest';
import { emptyField, formProblems, fromSchema, toSchema, type FormField } from './form-schema';

describe('form builder schema', () => {
  const fields: FormField[] = [
    { name: 'plotNumber', kind: 'text', title: 'Номер участка', hint: 'Как в выписке', required: true, options: '' },
    { name: 'area', kind: 'number', title: 'Площадь', hint: '', required: false, options: '' },
    { name: 'quarter', kind: 'choice', title: 'Квартал', hint: '', required: false, options: '77:01\n77:02\n77:01' },
  ];

  it('produces a JSON Schema with the required fields, hints and choices', () => {
    const sut = toSchema(fields)!;
    expect(sut['required']).toEqual(['plotNumber']);
    expect(sut['additionalProperties']).toBe(false);
    const props = sut['properties'] as Record<string, Record<string, unknown>>;
    expect(props['plotNumber']).toEqual(expect.objectContaining({ type: 'string', title: 'Номер участка', description: 'Как в выписке', 'x-kind': 'text' }));
    expect(props['area']).toEqual(expect.objectContaining({ type: 'number' }));
    expect(props['quarter']['enum']).toEqual(['77:01', '77:02']);
  });

  it('reads back what it wrote', () => {
    expect(fromSchema(toSchema(fields))).toEqual(fields.map((f) => (f.kind === 'choice' ? { ...f, options: '77:01\n77:02' } : f)));
    expect(toSchema([])).toBeNull();
  });

  it('names bad field names, duplicates and choices without options', () => {
    expect(formProblems([{ ...emptyField(1), name: '1x' }, emptyField(2), emptyField(2), { ...emptyField(3), kind: 'choice' }])).toEqual([
      'name:1x',
      'duplicate:field2',
      'options:field3',
    ]);
  });
});
