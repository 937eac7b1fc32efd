import { createECDH } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVAPIDKeys } from 'web-push';
import { ConfigError, loadConfig } from './app-config';

describe('messaging configuration', () => {
  const httpSms = { SMS_GATEWAY: 'http', SMS_HTTP_URL: 'https://sms.example/sms/2/text/advanced' };
  const dataDir = () => mkdtempSync(join(tmpdir(), 'otklik-messaging-'));
  const prod = { DATABASE_URL: 'postgresql://db/otklik', MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), ANSWER_SIGNING_KEY: loadSigningKey() };

  function loadSigningKey(): string {
    // One demo load writes an RSA key we can reuse as production's.
    const dir = mkdtempSync(join(tmpdir(), 'otklik-messaging-key-'));
    loadConfig({ DATA_DIR: dir });
    return readFileSync(join(dir, 'answer-signing-key.pem'), 'utf8');
  }

  function refusal(env: Record<string, string>): ConfigError {
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('expected a ConfigError');
  }

  it('defaults: 50 SMS and 50 mails and 200 pushes a second, the gateway id in "id"', () => {
    const sut = loadConfig({ DATA_DIR: dataDir() }).messaging;
    expect(sut).toMatchObject({ smpp: undefined, smsHttpIdField: 'id', rates: { smsPerSecond: 50, smtpPerSecond: 50, pushPerSecond: 200 } });
    expect(loadConfig({ DATA_DIR: dataDir(), SMS_RATE_PER_SECOND: '5', SMS_HTTP_ID_FIELD: 'result.message_id' }).messaging).toMatchObject({
      smsHttpIdField: 'result.message_id',
      rates: { smsPerSecond: 5 },
    });
  });

  it('batch submits to the HTTP gateway: off unless SMS_HTTP_BATCH_TEMPLATE is given; then 100 a request, the entries at "messages"', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), ...httpSms }).messaging.smsHttpBatch).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir(), ...httpSms, SMS_HTTP_BATCH_TEMPLATE: '{"bulkId":"otklik","messages":{messages}}' }).messaging.smsHttpBatch).toEqual({
      template: '{"bulkId":"otklik","messages":{messages}}',
      replyField: 'messages',
      size: 100,
    });
    expect(loadConfig({ DATA_DIR: dataDir(), ...httpSms, SMS_HTTP_BATCH_TEMPLATE: '{"messages":{messages}}', SMS_HTTP_BATCH_SIZE: '500', SMS_HTTP_BATCH_REPLY: 'result.items' }).messaging.smsHttpBatch).toMatchObject({
      replyField: 'result.items',
      size: 500,
    });
  });

  it('per-message statuses of the HTTP gateway: not read unless SMS_HTTP_STATUS_FIELD is given; then REJECTED and UNDELIVERABLE refuse', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), ...httpSms }).messaging.smsHttpStatus).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir(), ...httpSms, SMS_HTTP_STATUS_FIELD: 'status.groupName' }).messaging.smsHttpStatus).toEqual({
      field: 'status.groupName',
      rejected: new Set(['REJECTED', 'UNDELIVERABLE']),
    });
    expect(loadConfig({ DATA_DIR: dataDir(), ...httpSms, SMS_HTTP_STATUS_FIELD: 'state', SMS_HTTP_REJECTED_STATUSES: ' refused , blocked,' }).messaging.smsHttpStatus).toEqual({
      field: 'state',
      rejected: new Set(['refused', 'blocked']),
    });
    // Another SMS gateway has no such reply.
    expect(loadConfig({ DATA_DIR: dataDir(), SMS_HTTP_STATUS_FIELD: 'status' }).messaging.smsHttpStatus).toBeUndefined();
  });

  it('demo mode generates a VAPID key pair once into DATA_DIR (owner-only) and keeps it', () => {
    const dir = dataDir();
    const sut = loadConfig({ DATA_DIR: dir }).messaging.vapid;
    expect(Buffer.from(sut.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(sut.privateKey, 'base64url')).toHaveLength(32);
    // The public key is the private key's.
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(sut.privateKey, 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(sut.publicKey);
    expect(sut.subject).toBe('mailto:no-reply@otklik.local');
    expect(statSync(join(dir, 'vapid-keys.json')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).messaging.vapid).toEqual(sut);
  });

  it('production requires the VAPID keys; given ones are used as they are', () => {
    expect(refusal(prod)).toMatchObject({ variable: 'VAPID_PUBLIC_KEY', message: expect.stringMatching(/required in production/) });
    const keys = generateVAPIDKeys();
    const sut = loadConfig({ ...prod, DATA_DIR: dataDir(), VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'https://otklik.gov.ru/contact' });
    expect(sut.messaging.vapid).toEqual({ ...keys, subject: 'https://otklik.gov.ru/contact' });
    expect(sut.messaging.pushAllowLocalEndpoints).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir() }).messaging.pushAllowLocalEndpoints).toBe(true);
  });

  it.each([
    [{ VAPID_PUBLIC_KEY: generateVAPIDKeys().publicKey }, 'VAPID_PRIVATE_KEY'],
    [{ VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: generateVAPIDKeys().privateKey }, 'VAPID_PUBLIC_KEY'],
    [{ VAPID_PUBLIC_KEY: generateVAPIDKeys().publicKey, VAPID_PRIVATE_KEY: 'not+base64url' }, 'VAPID_PRIVATE_KEY'],
    [{ VAPID_SUBJECT: 'http://otklik.local' }, 'VAPID_SUBJECT'],
    [{ SMS_GATEWAY: 'smpp' }, 'SMPP_URL'],
    [{ SMS_GATEWAY: 'smpp', SMPP_URL: 'http://smsc:2775' }, 'SMPP_URL'],
    [{ SMS_GATEWAY: 'smpp', SMPP_URL: 'smpp://smsc:2775' }, 'SMPP_SYSTEM_ID'],
    [{ SMS_GATEWAY: 'smpp', SMPP_URL: 'smpp://otklik:toolongpassword@smsc:2775' }, 'SMPP_PASSWORD'],
    [{ SMS_GATEWAY: 'smpp', SMPP_URL: 'smpp://otklik:pw@smsc', SMPP_SOURCE_ADDR: 'Отклик' }, 'SMPP_SOURCE_ADDR'],
    [{ SMS_GATEWAY: 'smpp', SMPP_URL: 'smpp://otklik:pw@smsc', SMPP_ENQUIRE_LINK_SECONDS: '0' }, 'SMPP_ENQUIRE_LINK_SECONDS'],
    [{ SMS_GATEWAY: 'carrier-pigeon' }, 'SMS_GATEWAY'],
    [{ SMS_HTTP_ID_FIELD: 'a..b' }, 'SMS_HTTP_ID_FIELD'],
    [{ ...httpSms, SMS_HTTP_BATCH_TEMPLATE: '{"messages":[]}' }, 'SMS_HTTP_BATCH_TEMPLATE'],
    [{ ...httpSms, SMS_HTTP_BATCH_TEMPLATE: '{"messages":{messages}' }, 'SMS_HTTP_BATCH_TEMPLATE'],
    [{ ...httpSms, SMS_HTTP_BATCH_TEMPLATE: '{"messages":{messages}}', SMS_HTTP_BATCH_SIZE: '1001' }, 'SMS_HTTP_BATCH_SIZE'],
    [{ ...httpSms, SMS_HTTP_BATCH_TEMPLATE: '{"messages":{messages}}', SMS_HTTP_BATCH_REPLY: 'a..b' }, 'SMS_HTTP_BATCH_REPLY'],
    [{ ...httpSms, SMS_HTTP_STATUS_FIELD: 'status..groupName' }, 'SMS_HTTP_STATUS_FIELD'],
    [{ ...httpSms, SMS_HTTP_STATUS_FIELD: 'status', SMS_HTTP_REJECTED_STATUSES: ' , ' }, 'SMS_HTTP_REJECTED_STATUSES'],
    [{ PUSH_RATE_PER_SECOND: '0' }, 'PUSH_RATE_PER_SECOND'],
  ])('%j stops with an error naming %s', (env, variable) => {
    expect(refusal(env).variable).toBe(variable);
  });

  it('SMPP: the account from the URL, or from SMPP_SYSTEM_ID/SMPP_PASSWORD over it; ssmpp: is TLS', () => {
    const sut = loadConfig({ DATA_DIR: dataDir(), SMS_GATEWAY: 'smpp', SMPP_URL: 'smpp://otklik:p%40ss@smsc.example:2776' }).messaging.smpp;
    expect(sut).toEqual({
      host: 'smsc.example',
      port: 2776,
      tls: false,
      systemId: 'otklik',
      password: 'p@ss',
      systemType: '',
      sourceAddr: 'Otklik',
      enquireLinkSeconds: 30,
      bindTimeoutMs: 10_000,
      submitTimeoutMs: 10_000,
      reconnectMaxMs: 60_000,
    });
    const tls = loadConfig({ DATA_DIR: dataDir(), SMS_GATEWAY: 'smpp', SMPP_URL: 'ssmpp://smsc.example', SMPP_SYSTEM_ID: 'other', SMPP_PASSWORD: 'secret', SMPP_SOURCE_ADDR: '+79001234567' });
    expect(tls.messaging.smpp).toMatchObject({ port: 3550, tls: true, systemId: 'other', password: 'secret', sourceAddr: '+79001234567' });
    expect(tls.identity.smsGateway).toBe('smpp');
  });
});
