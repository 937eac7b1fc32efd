import { randomBytes } from 'node:crypto';
import { PublicUploadSessions, UPLOAD_SESSION_TTL_MINUTES } from './public-upload-session';

describe('PublicUploadSessions', () => {
  const sut = new PublicUploadSessions(randomBytes(32));
  const now = new Date('2026-03-02T10:00:00Z');

  it('opens its own token until it expires', () => {
    const { token, id } = sut.issue(now);
    expect(sut.open(token, now)).toBe(id);
    expect(sut.open(token, new Date(now.getTime() + UPLOAD_SESSION_TTL_MINUTES * 60_000 - 1))).toBe(id);
    expect(sut.open(token, new Date(now.getTime() + UPLOAD_SESSION_TTL_MINUTES * 60_000))).toBeNull();
  });

  it('refuses a forged, altered or foreign token', () => {
    const { token } = sut.issue(now);
    const [id, exp, mac] = token.split('.');
    expect(sut.open(`${id}.${Number(exp) + 1000}.${mac}`, now)).toBeNull();
    expect(sut.open(`${id.replace(/^./, id[0] === 'a' ? 'b' : 'a')}.${exp}.${mac}`, now)).toBeNull();
    expect(sut.open(new PublicUploadSessions(randomBytes(32)).issue(now).token, now)).toBeNull();
    for (const bad of [undefined, '', 'x', `${token}x`, token.replace(/\./g, ':')]) expect(sut.open(bad, now)).toBeNull();
  });
});
