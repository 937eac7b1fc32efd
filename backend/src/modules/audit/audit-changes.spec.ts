import { auditChanges, isPersonalKey, maskValue } from './audit-changes';

describe('auditChanges', () => {
  it('lists only the fields that changed, before → after', () => {
    expect(auditChanges({ name: 'A', timeZone: 'Europe/Moscow', active: true }, { name: 'B', timeZone: 'Europe/Moscow' })).toEqual({ name: { from: 'A', to: 'B' } });
  });

  it('treats every field of a created object as changed from null', () => {
    expect(auditChanges(null, { priority: 3, keywords: ['a'] })).toEqual({ priority: { from: null, to: 3 }, keywords: { from: null, to: ['a'] } });
  });

  it('treats every field of a deleted object as changed to null', () => {
    expect(auditChanges({ name: 'A', keywords: ['a'], region: null, email: 'ivan@example.ru' }, null)).toEqual({
      name: { from: 'A', to: null },
      keywords: { from: ['a'], to: null },
      email: { from: 'i***(15)', to: null },
    });
  });

  it('masks personal data on both sides', () => {
    const sut = auditChanges({ phone: '+79990001122', email: null }, { phone: '+79995554433', email: 'ivan@example.ru' });
    expect(sut).toEqual({ phone: { from: '+***(12)', to: '+***(12)' }, email: { from: null, to: 'i***(15)' } });
    expect(JSON.stringify(sut)).not.toContain('7999');
  });

  it('knows personal keys by name', () => {
    expect(['contactPhone', 'SNILS', 'postalAddress', 'newPassword'].every(isPersonalKey)).toBe(true);
    expect(isPersonalKey('priority')).toBe(false);
    expect(maskValue({ a: 1 })).toBe('***');
  });
});
