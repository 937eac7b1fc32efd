import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'otklik-config-'));
  const key = Buffer.alloc(32, 7).toString('base64');

  it('defaults to demo mode with an embedded database and a generated, persisted master key', () => {
    const dir = dataDir();
    const sut = loadConfig({ DATA_DIR: dir });
    expect(sut).toMatchObject({ mode: 'demo', port: 3000, databaseUrl: undefined, redisUrl: undefined, dataDir: dir });
    expect(sut.masterKey).toHaveLength(32);
    expect(Buffer.from(readFileSync(join(dir, 'master.key'), 'utf8'), 'base64').equals(sut.masterKey)).toBe(true);
    expect(loadConfig({ DATA_DIR: dir }).masterKey.equals(sut.masterKey)).toBe(true);
  });

  it('with DATABASE_URL defaults to production, which requires MASTER_KEY', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://db/otklik', DATA_DIR: dataDir() })).toThrow(
      new ConfigError('MASTER_KEY', 'is required in production mode'),
    );
    const sut = loadConfig({ DATABASE_URL: 'postgresql://db/otklik', MASTER_KEY: key, DATA_DIR: dataDir() });
    expect(sut.mode).toBe('production');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y', MASTER_KEY: key }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ APP_MODE: 'staging' }, 'APP_MODE'],
    [{ MASTER_KEY: 'c2hvcnQ=' }, 'MASTER_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CORS_ORIGINS: 'https://ok.ru,javascript:alert(1)' }, 'CORS_ORIGINS'],
    [{ ESIA_IDP_ENABLED: 'yes' }, 'ESIA_IDP_ENABLED'],
    [{ ESIA_ISSUER: 'ftp://esia' }, 'ESIA_ISSUER'],
    [{ ESIA_CLIENT_ID: 'with space' }, 'ESIA_CLIENT_ID'],
    [{ ESIA_CLIENT_KEY: '-----BEGIN PRIVATE KEY-----\\nnope\\n-----END PRIVATE KEY-----' }, 'ESIA_CLIENT_KEY'],
    [{ ESIA_TRUST_LEVELS_FOR_APPEALS: 'confirmed,gold' }, 'ESIA_TRUST_LEVELS_FOR_APPEALS'],
    [{ DATABASE_URL: 'postgresql://db/otklik', MASTER_KEY: key, ESIA_ISSUER: 'https://esia.gosuslugi.ru' }, 'ESIA_CLIENT_KEY'],
  ])('%j stops with an error naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('in demo mode serves the embedded IdP and points the RP at it with a key derived from MASTER_KEY', () => {
    const sut = loadConfig({ DATA_DIR: dataDir(), MASTER_KEY: key, PORT: '4000' });
    expect(sut.esia).toMatchObject({ idpEnabled: true, issuer: 'http://localhost:4000/esia', clientId: 'OTKLIK', trustLevelsForAppeals: ['confirmed'] });
    const again = loadConfig({ DATA_DIR: dataDir(), MASTER_KEY: key, PORT: '4000' });
    expect(again.esia.clientKey!.export({ format: 'jwk' })).toEqual(sut.esia.clientKey!.export({ format: 'jwk' }));
  });

  it('in production has no IdP and no ESIA sign-in unless configured', () => {
    const sut = loadConfig({ DATABASE_URL: 'postgresql://db/otklik', MASTER_KEY: key, DATA_DIR: dataDir() });
    expect(sut.esia).toMatchObject({ idpEnabled: false, issuer: undefined, clientKey: undefined });
    const levels = loadConfig({ DATA_DIR: dataDir(), ESIA_TRUST_LEVELS_FOR_APPEALS: 'confirmed, standard' });
    expect(levels.esia.trustLevelsForAppeals).toEqual(['confirmed', 'standard']);
  });

  it('identity: STAFF_MFA is required in production and optional in demo; SMS and mail drivers default to dev', () => {
    const demo = loadConfig({ DATA_DIR: dataDir() });
    expect(demo.identity).toMatchObject({ staffMfa: 'optional', smsGateway: 'dev', smtpUrl: undefined, passwordMaxAgeDays: 90 });
    const prod = loadConfig({ DATABASE_URL: 'postgresql://db/otklik', MASTER_KEY: key, DATA_DIR: dataDir() });
    expect(prod.identity.staffMfa).toBe('required');
    const http = loadConfig({ DATA_DIR: dataDir(), SMS_GATEWAY: 'http', SMS_HTTP_URL: 'https://sms.example/send', STAFF_IP_ALLOWLIST: 'role:admin=10.0.0.0/8' });
    expect(http.identity).toMatchObject({ smsGateway: 'http', smsHttpUrl: 'https://sms.example/send', staffIpAllowList: [{ subject: 'role:admin', networks: ['10.0.0.0/8'] }] });
  });

  it.each([
    [{ SMS_GATEWAY: 'pigeon' }, 'SMS_GATEWAY'],
    [{ SMS_GATEWAY: 'http' }, 'SMS_HTTP_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ STAFF_MFA: 'sometimes' }, 'STAFF_MFA'],
    [{ PASSWORD_MAX_AGE_DAYS: '0' }, 'PASSWORD_MAX_AGE_DAYS'],
    [{ STAFF_IP_ALLOWLIST: 'role:admin' }, 'STAFF_IP_ALLOWLIST'],
    [{ SMS_HTTP_TEMPLATE: '{not json' }, 'SMS_HTTP_TEMPLATE'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
  ])('identity: %j is refused naming %s', (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(expect.objectContaining({ variable }));
  });
});
