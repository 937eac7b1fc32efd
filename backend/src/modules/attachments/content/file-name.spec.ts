import { contentDisposition, normaliseFileName } from './file-name';

describe('normaliseFileName', () => {
  it.each([
    ['отчёт 2026.pdf', 'отчёт 2026.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u0001b\u0007c.txt', 'abc.txt'],
    ['  ..hidden.txt.. ', 'hidden.txt'],
    ['what?<>|*.doc', 'what_____.doc'],
    ['CON.txt', '_CON.txt'],
    ['', 'file'],
    ['\u200B\u200B', 'file'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseFileName(raw)).toEqual({ ok: true, name: expected });
  });

  it.each(['../../etc/passwd', 'C:\\Windows\\system.ini', '/abs.txt', 'dir/file.pdf', 'nul\u0000.pdf'])('refuses the path %j', (raw) => {
    expect(normaliseFileName(raw)).toEqual({ ok: false, reason: 'file_name_invalid' });
  });

  it('keeps the extension when it shortens a long name', () => {
    const result = normaliseFileName(`${'я'.repeat(300)}.docx`);
    expect(result.ok && result.name.length).toBe(180);
    expect(result.ok && result.name.endsWith('.docx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and the RFC 8187 UTF-8 name', () => {
    expect(contentDisposition('акт "1".pdf')).toBe(`attachment; filename="___ _1_.pdf"; filename*=UTF-8''%D0%B0%D0%BA%D1%82%20%221%22.pdf`);
  });
});
