import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { bearerToken, verifyAccessToken } from './access-token';

describe('verifyAccessToken', () => {
  const raw = randomBytes(32);
  const key = createSecretKey(raw);
  const expected = { issuer: 'otklik', audience: 'otklik-api' };
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }, secret: Buffer = raw) =>
    new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(secret);
  const valid = { sub: 'u1', role: 'citizen', name: 'Ольга', dep: null, sid: 's1', iss: 'otklik', aud: 'otklik-api', iat: now, exp: now + 60 };
  /** A token signed by hand: any header, any body, HMAC-SHA256 with `secret`. */
  const forge = (header: object, body: object, secret: Buffer = raw) => {
    const h = Buffer.from(JSON.stringify(header)).toString('base64url');
    const b = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${h}.${b}.${createHmac('sha256', secret).update(`${h}.${b}`).digest('base64url')}`;
  };

  it('returns the claims of a token TokenService would sign (jose, HS256)', async () => {
    expect(verifyAccessToken(await sign(valid), key, expected)).toMatchObject({ sub: 'u1', role: 'citizen', name: 'Ольга', sid: 's1' });
  });

  it('refuses another key, a changed body, and a signature cut or padded', async () => {
    const token = await sign(valid);
    expect(verifyAccessToken(await sign(valid, undefined, randomBytes(32)), key, expected)).toBeNull();
    const [h, , s] = token.split('.');
    const body = Buffer.from(JSON.stringify({ ...valid, role: 'admin' })).toString('base64url');
    expect(verifyAccessToken(`${h}.${body}.${s}`, key, expected)).toBeNull();
    expect(verifyAccessToken(token.slice(0, -2), key, expected)).toBeNull();
    expect(verifyAccessToken(`${token}AA`, key, expected)).toBeNull();
    expect(verifyAccessToken(`${token}.x`, key, expected)).toBeNull();
    expect(verifyAccessToken('', key, expected)).toBeNull();
    expect(verifyAccessToken('a.b.c', key, expected)).toBeNull();
    expect(verifyAccessToken(`${h}.${body}.${s}=`, key, expected)).toBeNull();
  });

  it('refuses alg none, another algorithm and a crit header, even with a right HMAC', () => {
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(valid)).toString('base64url')}.`;
    expect(verifyAccessToken(none, key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS512' }, valid), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'RS256' }, valid), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256', crit: ['exp'] }, valid), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, valid), key, expected)).not.toBeNull();
  });

  it('refuses another issuer or audience (a sign-in step token), no subject, expiry, and a future nbf', () => {
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, iss: 'other' }), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, aud: 'otklik-mfa' }), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, aud: ['x', 'otklik-api'] }), key, expected)).not.toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, sub: undefined }), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, exp: undefined }), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, exp: now - 1 }), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, exp: String(now + 60) }), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, nbf: now + 30 }), key, expected)).toBeNull();
    expect(verifyAccessToken(forge({ alg: 'HS256' }, { ...valid, exp: now + 10 }), key, expected, now + 10)).toBeNull();
  });

  it('refuses a body that is not a JSON object', () => {
    const h = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
    for (const body of ['[1]', 'null', '"x"', '{', '\u0000']) {
      const b = Buffer.from(body).toString('base64url');
      const token = `${h}.${b}.${createHmac('sha256', raw).update(`${h}.${b}`).digest('base64url')}`;
      expect(verifyAccessToken(token, key, expected)).toBeNull();
    }
  });
});

describe('bearerToken', () => {
  it('takes the token of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeNull();
  });
});
