import { gsmCoder } from 'smpp';
import { isGsm7, segmentSms } from './smpp-message';

/** The text a handset shows after reassembling the parts. */
function reassemble(parts: ReturnType<typeof segmentSms>): string {
  const bodies = parts.map((p) => (p.esmClass & 0x40 ? p.shortMessage.subarray(p.shortMessage[0] + 1) : p.shortMessage));
  const bytes = Buffer.concat(bodies);
  return parts[0].dataCoding === 8 ? Buffer.from(bytes).swap16().toString('utf16le') : gsmCoder.decode(bytes, 0);
}

describe('segmentSms', () => {
  it('sends short Latin text as one GSM 03.38 PDU without a header', () => {
    const sut = segmentSms('Code 123456', 7);
    expect(sut).toEqual([{ dataCoding: 0, esmClass: 0, shortMessage: Buffer.from('Code 123456') }]);
  });

  it('sends Cyrillic as UCS-2 (data_coding 8): 70 characters in one PDU', () => {
    const text = 'Ж'.repeat(70);
    const sut = segmentSms(text, 7);
    expect(isGsm7(text)).toBe(false);
    expect(sut).toHaveLength(1);
    expect(sut[0]).toMatchObject({ dataCoding: 8, esmClass: 0 });
    expect(sut[0].shortMessage).toHaveLength(140);
  });

  it('concatenates longer Cyrillic in parts of 67 characters, each with an 8-bit-reference UDH', () => {
    const text = 'Ваше обращение № 2026-000123 зарегистрировано. Срок ответа — 30 дней. Статус: в работе.'.repeat(2);
    const sut = segmentSms(text, 300);
    expect(sut).toHaveLength(Math.ceil(text.length / 67));
    sut.forEach((part, i) => {
      expect(part).toMatchObject({ dataCoding: 8, esmClass: 0x40 });
      expect([...part.shortMessage.subarray(0, 6)]).toEqual([5, 0, 3, 300 & 0xff, sut.length, i + 1]);
      expect(part.shortMessage.length).toBeLessThanOrEqual(140);
    });
    expect(reassemble(sut)).toBe(text);
  });

  it('concatenates long GSM text in parts of 153 septets and never splits an escape sequence', () => {
    const text = `${'a'.repeat(152)}€${'b'.repeat(100)}`;
    const sut = segmentSms(text, 1);
    expect(sut).toHaveLength(2);
    expect(sut[0].shortMessage.length - 6).toBe(152);
    expect(reassemble(sut)).toBe(text);
    expect(segmentSms('x'.repeat(160), 1)).toHaveLength(1);
    expect(segmentSms('x'.repeat(161), 1)).toHaveLength(2);
  });

  it('keeps a surrogate pair within one part', () => {
    const text = `${'д'.repeat(66)}😀${'е'.repeat(10)}`;
    const sut = segmentSms(text, 1);
    expect(sut[0].shortMessage.length - 6).toBe(132);
    expect(reassemble(sut)).toBe(text);
  });
});
