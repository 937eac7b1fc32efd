import { generateKeyPairSync } from 'node:crypto';
import { clientSecretMessage, esiaTimestamp, NodeKeySigner, NodeKeyVerifier, parseEsiaTimestamp } from './esia-protocol';

describe('ESIA protocol', () => {
  it('formats and parses timestamps as yyyy.MM.dd HH:mm:ss Z', () => {
    const at = new Date(Date.UTC(2026, 0, 5, 7, 8, 9));
    expect(esiaTimestamp(at)).toBe('2026.01.05 07:08:09 +0000');
    expect(parseEsiaTimestamp('2026.01.05 10:08:09 +0300')!.getTime()).toBe(at.getTime());
    expect(parseEsiaTimestamp('2026-01-05T07:08:09Z')).toBeNull();
  });

  it('builds the signed message in ESIA order', () => {
    expect(clientSecretMessage({ clientId: 'C', scope: 'openid', timestamp: 'T', state: 'S', redirectUri: 'R' })).toBe('CopenidTSR');
    expect(clientSecretMessage({ clientId: 'C', scope: 'openid', scopeOrg: 'org', timestamp: 'T', state: 'S', redirectUri: 'R' })).toBe('CopenidorgTSR');
  });

  it.each([
    ['rsa', { modulusLength: 2048 }, 'RS256'],
    ['ec', { namedCurve: 'P-256' }, 'ES256'],
  ] as const)('signs and verifies with %s keys', (type, options, alg) => {
    const { privateKey, publicKey } = generateKeyPairSync(type as 'rsa', options as { modulusLength: number });
    const sut = new NodeKeySigner(privateKey);
    expect(sut.alg).toBe(alg);
    const signature = sut.sign('message');
    expect(new NodeKeyVerifier(publicKey).verify('message', signature)).toBe(true);
    expect(new NodeKeyVerifier(publicKey).verify('messagf', signature)).toBe(false);
    expect(new NodeKeyVerifier(publicKey).verify('message', 'not base64url!')).toBe(false);
  });
});
