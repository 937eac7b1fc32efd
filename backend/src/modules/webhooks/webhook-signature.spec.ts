import { Webhook } from 'standardwebhooks';
import { newSecret, signatureHeaders } from './webhook-signature';

describe('webhook signature', () => {
  it('is verified by the standardwebhooks package (an independent implementation)', () => {
    const secret = newSecret();
    const body = JSON.stringify({ type: 'appeal.registered', version: 1, id: 'msg_1', timestamp: '2026-12-06T00:00:00.000Z', data: { number: 7 } });
    const now = Math.floor(Date.now() / 1000);
    const sut = signatureHeaders(secret, 'msg_1', now, body);
    expect(new Webhook(secret).verify(body, sut)).toEqual(JSON.parse(body));
  });

  it('does not verify with another secret or a changed body', () => {
    const secret = newSecret();
    const sut = signatureHeaders(secret, 'msg_2', Math.floor(Date.now() / 1000), '{"a":1}');
    expect(() => new Webhook(newSecret()).verify('{"a":1}', sut)).toThrow();
    expect(() => new Webhook(secret).verify('{"a":2}', sut)).toThrow();
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the specification's test vectors (standard-webhooks/standard-webhooks, libraries/javascript).
    const sut = signatureHeaders('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(sut['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});
