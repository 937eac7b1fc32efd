import { hasSequence, PasswordPolicy } from './password-policy';
import { switchLayout } from './russian-dictionary';

describe('PasswordPolicy', () => {
  const sut = new PasswordPolicy();
  const codes = (password: string, inputs: string[] = []) => sut.check(password, inputs).map((e) => e.code);

  it('accepts a long random-looking password', () => {
    expect(codes('Vx7#pLm2!qZr')).toEqual([]);
  });

  it('requires length and all four character classes', () => {
    expect(codes('Ab1!x')).toContain('password_too_short');
    expect(codes('alllowercase1!')).toContain('password_classes');
    expect(codes('NoDigitsHere!!')).toContain('password_classes');
    expect(codes('NoSpecial123x')).toContain('password_classes');
  });

  it('refuses keyboard and alphabet sequences in Latin and Cyrillic', () => {
    expect(codes('Zq!12345xy')).toContain('password_sequence');
    expect(codes('Qwerty!9zz')).toContain('password_sequence');
    expect(codes('Йцукен!9zz')).toContain('password_sequence');
    expect(hasSequence('xx4321yy')).toBe(true);
    expect(hasSequence('Vx7#pLm2')).toBe(false);
  });

  it('scores common English and Russian passwords as weak, also typed in the wrong layout', () => {
    expect(codes('Password1!')).toContain('password_weak');
    expect(codes('Привет1!')).toContain('password_weak');
    expect(switchLayout('привет', 'latin')).toBe('ghbdtn');
    expect(codes('Ghbdtn1!')).toContain('password_weak');
    expect(codes('Любовь2024!')).toContain('password_weak');
  });

  it("uses the person's own data as dictionary input", () => {
    expect(codes('Pelmeshkinova7!', [])).toEqual([]);
    expect(codes('Pelmeshkinova7!', ['pelmeshkinova@mail.ru'])).toContain('password_weak');
  });

  it('names the field it checks', () => {
    expect(sut.check('short', [], 'newPassword')[0].field).toBe('newPassword');
  });
});
