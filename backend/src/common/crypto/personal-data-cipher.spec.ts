import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from './personal-data-cipher';

describe('PersonalDataCipher', () => {
  const sut = new PersonalDataCipher(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const stored = sut.encryptJson({ phone: '+79161234567', address: 'г. Тверь' });
    expect(stored.startsWith(`pd1.${sut.currentKeyId}.`)).toBe(true);
    expect(stored).not.toContain('79161234567');
    expect(sut.decryptJson(stored)).toEqual({ phone: '+79161234567', address: 'г. Тверь' });
  });

  it('uses a fresh IV every time', () => {
    expect(sut.encrypt('одно и то же')).not.toBe(sut.encrypt('одно и то же'));
  });

  it('detects tampering (GCM tag) and refuses an unknown key id', () => {
    const stored = sut.encrypt('секрет');
    const parts = stored.split('.');
    const data = Buffer.from(parts[4], 'base64');
    data[0] ^= 1;
    parts[4] = data.toString('base64');
    expect(() => sut.decrypt(parts.join('.'))).toThrow();
    expect(() => new PersonalDataCipher(randomBytes(32)).decrypt(stored)).toThrow(/Unknown personal-data key/);
  });
});
