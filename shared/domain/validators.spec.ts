import { APPEAL_TEXT_PATTERN, isValidInn, isValidOgrn, isValidOrganisationInn, isValidRuMobile, isValidSnils, normalizeRuPhone } from './validators';

/** Every string that differs from `digits` in exactly one digit. */
function oneDigitChanges(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    if (!/\d/.test(digits[i])) continue;
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== digits[i]) out.push(digits.slice(0, i) + d + digits.slice(i + 1));
    }
  }
  return out;
}

describe('isValidSnils', () => {
  it.each(['112-233-445 95', '11223344595', '001-001-999 65'])('accepts %s', (snils) => {
    expect(isValidSnils(snils)).toBe(true);
  });

  it('rejects every one-digit change of a valid number', () => {
    expect(oneDigitChanges('112-233-445 95').filter(isValidSnils)).toEqual([]);
  });

  // Σ dᵢ·(10−i) over the first nine digits decides the check number (DOMAIN.md «Checksums»).
  it.each([
    ['Σ = 95 < 100 → 95', '112-233-445 95'],
    ['Σ = 100 → 00', '100-018-999 00'],
    ['Σ = 101 → 00', '100-019-899 00'],
    ['Σ = 102 → 102 mod 101 = 01', '100-019-989 01'],
    ['Σ = 201 → 201 mod 101 = 100 → 00', '101-998-999 00'],
    ['Σ = 405 → 405 mod 101 = 01', '999-999-999 01'],
  ])('%s: accepts %s', (_, snils) => {
    expect(isValidSnils(snils)).toBe(true);
  });

  it.each(['100-018-999 99', '100-019-899 01', '100-019-989 02', '101-998-999 99', '999-999-999 04'])(
    'rejects the wrong check number in %s',
    (snils) => {
      expect(isValidSnils(snils)).toBe(false);
    },
  );

  it('does not check numbers up to 001-001-998', () => {
    expect(isValidSnils('001-001-998 42')).toBe(true);
    expect(isValidSnils('001-001-999 42')).toBe(false);
  });

  it.each(['112-233-445-95', '112 233 445 95', '1122334459', '112233445950', '', ' 11223344595', 'abc-def-ghi jk'])(
    'rejects the format %j',
    (snils) => {
      expect(isValidSnils(snils)).toBe(false);
    },
  );
});

describe('isValidInn', () => {
  it.each(['7707083893', '500100732259'])('accepts %s', (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  it.each(['7707083893', '500100732259'])('rejects every one-digit change of %s', (inn) => {
    expect(oneDigitChanges(inn).filter(isValidInn)).toEqual([]);
  });

  it('checks the 11th digit of a 12-digit ИНН on its own', () => {
    // The 12th digit is right for these eleven, the 11th is not.
    expect(isValidInn('500100732241')).toBe(false);
    expect(isValidInn('500100732266')).toBe(false);
  });

  it.each(['770708389', '77070838930', '50010073225', '5001007322590', '770708389a', '', ' 7707083893'])(
    'rejects the format %j',
    (inn) => {
      expect(isValidInn(inn)).toBe(false);
    },
  );
});

describe('isValidOrganisationInn', () => {
  it('accepts the 10-digit ИНН of an organisation and nothing else', () => {
    expect(isValidOrganisationInn('7707083893')).toBe(true);
    expect(isValidOrganisationInn('7707083894')).toBe(false);
    // A person's 12-digit ИНН is valid, but not an organisation's.
    expect(isValidOrganisationInn('500100732259')).toBe(false);
  });
});

describe('isValidOgrn', () => {
  it.each(['1027700132195', '1027700229193', '304500116000157'])('accepts %s', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(true);
  });

  it.each(['1027700132194', '1027700132196', '1027700229190', '304500116000158'])('rejects the wrong check digit of %s', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(false);
  });

  it.each(['102770013219', '10277001321950', '102770013219a', '', ' 1027700132195'])('rejects the format %j', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(false);
  });
});

describe('normalizeRuPhone', () => {
  it.each([
    ['+79161234567', '+79161234567'],
    ['89161234567', '+79161234567'],
    ['+7 (916) 123-45-67', '+79161234567'],
    ['8 916 123 45 67', '+79161234567'],
    ['8-916-123-45-67', '+79161234567'],
    ['+7 495 123-45-67', '+74951234567'],
  ])('%j → %s', (input, phone) => {
    expect(normalizeRuPhone(input)).toBe(phone);
  });

  it.each(['+7916123456', '+791612345678', '79161234567', '+89161234567', '9161234567', '+7 916 123 45 6x', '+7.916.123.45.67', ''])(
    'rejects %j',
    (input) => {
      expect(normalizeRuPhone(input)).toBeNull();
    },
  );
});

describe('isValidRuMobile', () => {
  it('accepts the stored form', () => {
    expect(isValidRuMobile('+79161234567')).toBe(true);
  });

  it.each(['89161234567', '+7 916 123-45-67', '+7916123456', '+791612345678', '79161234567', '+79161234567\n'])(
    'rejects %j',
    (input) => {
      expect(isValidRuMobile(input)).toBe(false);
    },
  );
});

describe('APPEAL_TEXT_PATTERN', () => {
  const sut = APPEAL_TEXT_PATTERN;

  it.each([
    'Прошу разобраться с начислением платы за ЖКУ.',
    'Ёлки-палки, ещё раз: заявка № 12-345/2026 от 01.02.2026!',
    'Line one\nСтрока два\r\n\tс отступом',
    '«Кавычки-ёлочки» и „лапки“, “English quotes” and \'single\' "double"',
    'Тире — длинное, – среднее; § 5, 25 °C, 100 %, 1 500 ₽, 20 €, $10',
    'Email: ivanov@mail.ru, #тег, a & b, 2*2=4, 1<2>0, C:\\path | x ~ y ^ z `code` [1] {2} (3)',
    'Café naïve Grüße', // precomposed Latin letters
    'и\u0306 е\u0308', // decomposed «й» and «ё»
    'Қазақ тілі, татар теле: әөүҗңһ, українська: їє',
    '1\u00A0000\u202F000',
    '…',
    '',
  ])('accepts %j', (text) => {
    expect(sut.test(text)).toBe(true);
  });

  it.each([
    ['an emoji', 'Спасибо 😀'],
    ['a heart symbol', 'Спасибо ❤'],
    ['a flag', '🇷🇺'],
    ['CJK', '你好'],
    ['Arabic', 'مرحبا'],
    ['Greek', 'αβγ'],
    ['Arabic-Indic digits', '٣'],
    ['a NUL', 'a\u0000b'],
    ['a bell', 'a\u0007'],
    ['a vertical tab', 'a\u000Bb'],
    ['a C1 control', 'a\u0085b'],
    ['a zero-width space', 'a\u200Bb'],
    ['a right-to-left override', 'a\u202Eb'],
    ['a BOM', '\uFEFFтекст'],
    ['a stray combining mark', '\u0301а'],
    ['a Cyrillic sign that is not a letter', 'а\u0489'],
    ['stacked combining marks', 'а\u0301\u0301\u0301'],
  ])('rejects %s', (_, text) => {
    expect(sut.test(text)).toBe(false);
  });

  it('has no global flag, so repeated tests give the same answer', () => {
    expect(sut.flags).not.toContain('g');
    expect([sut.test('да'), sut.test('да')]).toEqual([true, true]);
  });

  it('runs in linear time on long input that fails at the end', () => {
    const long = 'а\u0301 б, '.repeat(50_000) + '😀';
    const started = Date.now();
    expect(sut.test(long)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
