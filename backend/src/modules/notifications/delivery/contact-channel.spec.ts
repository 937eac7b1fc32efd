import { contactChannel as sut } from './notification-planner';

describe('contactChannel (one channel for an author without an account)', () => {
  it('e-mail when the answer goes by e-mail and an address is given', () => {
    expect(sut('email', 'a@example.ru', '+79990001122')).toBe('email');
  });

  it('else the first contact: the phone, then the e-mail', () => {
    expect(sut('post', 'a@example.ru', '+79990001122')).toBe('sms');
    expect(sut('cabinet', 'a@example.ru', null)).toBe('email');
    expect(sut('email', null, '+79990001122')).toBe('sms');
  });

  it('none without a phone or an e-mail (a postal address only)', () => {
    expect(sut('post', null, null)).toBeNull();
  });
});
