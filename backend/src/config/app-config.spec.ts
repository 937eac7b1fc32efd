import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVAPIDKeys } from 'web-push';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'otklik-config-'));
  const key = Buffer.alloc(32, 7).toString('base64');
  const rsaPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const signingKey = rsaPem();
  const vapid = generateVAPIDKeys();
  /** What production needs besides a database: the master key, the answer-signing key and the VAPID keys of web push. */
  const prod = { DATABASE_URL: 'postgresql://db/otklik', MASTER_KEY: key, ANSWER_SIGNING_KEY: signingKey, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey };

  it('defaults to demo mode with an embedded database and a generated, persisted master key', () => {
    const dir = dataDir();
    const sut = loadConfig({ DATA_DIR: dir });
    expect(sut).toMatchObject({ mode: 'demo', port: 3000, databaseUrl: undefined, redisUrl: undefined, dataDir: dir });
    expect(sut.masterKey).toHaveLength(32);
    expect(Buffer.from(readFileSync(join(dir, 'master.key'), 'utf8'), 'base64').equals(sut.masterKey)).toBe(true);
    expect(loadConfig({ DATA_DIR: dir }).masterKey.equals(sut.masterKey)).toBe(true);
  });

  it('SLA scheduler defaults: a tick a minute, auto-close after 14 days, retention 3 years, anonymised', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).sla).toEqual({ tickSeconds: 60, autoCloseDays: 14, retentionYears: 3, retentionMode: 'anonymise' });
    expect(loadConfig({ DATA_DIR: dataDir(), SLA_TICK_SECONDS: '1', RETENTION_MODE: 'delete' }).sla).toMatchObject({ tickSeconds: 1, retentionMode: 'delete' });
  });

  it('audit chain: sealing every 5 s, a checkpoint at most once a minute, partitions three months ahead; bounds checked', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).auditChain).toEqual({ sealIntervalMs: 5000, checkpointIntervalSeconds: 60, partitionMonthsAhead: 3 });
    expect(loadConfig({ DATA_DIR: dataDir(), AUDIT_SEAL_INTERVAL_MS: '250', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '5', AUDIT_PARTITION_MONTHS_AHEAD: '12' }).auditChain).toEqual({
      sealIntervalMs: 250,
      checkpointIntervalSeconds: 5,
      partitionMonthsAhead: 12,
    });
    expect(() => loadConfig({ DATA_DIR: dataDir(), AUDIT_SEAL_INTERVAL_MS: '10' })).toThrow(expect.objectContaining({ variable: 'AUDIT_SEAL_INTERVAL_MS' }));
    expect(() => loadConfig({ DATA_DIR: dataDir(), AUDIT_CHECKPOINT_INTERVAL_SECONDS: 'soon' })).toThrow(expect.objectContaining({ variable: 'AUDIT_CHECKPOINT_INTERVAL_SECONDS' }));
    expect(() => loadConfig({ DATA_DIR: dataDir(), AUDIT_PARTITION_MONTHS_AHEAD: '0' })).toThrow(expect.objectContaining({ variable: 'AUDIT_PARTITION_MONTHS_AHEAD' }));
  });

  it('event deliveries: 8 attempts from 1 s back-off, a 60 s lease, attempts bounded below the lease', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).events).toEqual({ maxAttempts: 8, retryBaseMs: 1000, retryMaxMs: 3_600_000, leaseSeconds: 60, handlerTimeoutMs: 30_000 });
    expect(loadConfig({ DATA_DIR: dataDir(), EVENT_LEASE_SECONDS: '10' }).events.handlerTimeoutMs).toBe(5000);
    expect(() => loadConfig({ DATA_DIR: dataDir(), EVENT_LEASE_SECONDS: '10', EVENT_HANDLER_TIMEOUT_MS: '10000' })).toThrow(
      expect.objectContaining({ variable: 'EVENT_HANDLER_TIMEOUT_MS' }),
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), EVENT_MAX_ATTEMPTS: '0' })).toThrow(expect.objectContaining({ variable: 'EVENT_MAX_ATTEMPTS' }));
  });

  it('with DATABASE_URL defaults to production, which requires MASTER_KEY', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://db/otklik', DATA_DIR: dataDir() })).toThrow(
      new ConfigError('MASTER_KEY', 'is required in production mode'),
    );
    const sut = loadConfig({ ...prod, DATA_DIR: dataDir() });
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
    [{ SLA_TICK_SECONDS: '0' }, 'SLA_TICK_SECONDS'],
    [{ AUTO_CLOSE_DAYS: 'two weeks' }, 'AUTO_CLOSE_DAYS'],
    [{ RETENTION_YEARS: '0' }, 'RETENTION_YEARS'],
    [{ RETENTION_MODE: 'shred' }, 'RETENTION_MODE'],
    [{ ...prod, ESIA_ISSUER: 'https://esia.gosuslugi.ru' }, 'ESIA_CLIENT_KEY'],
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
    const sut = loadConfig({ ...prod, DATA_DIR: dataDir() });
    expect(sut.esia).toMatchObject({ idpEnabled: false, issuer: undefined, clientKey: undefined });
    const levels = loadConfig({ DATA_DIR: dataDir(), ESIA_TRUST_LEVELS_FOR_APPEALS: 'confirmed, standard' });
    expect(levels.esia.trustLevelsForAppeals).toEqual(['confirmed', 'standard']);
  });

  it('identity: STAFF_MFA is required in production and optional in demo; SMS and mail drivers default to dev', () => {
    const demo = loadConfig({ DATA_DIR: dataDir() });
    expect(demo.identity).toMatchObject({ staffMfa: 'optional', smsGateway: 'dev', smtpUrl: undefined, passwordMaxAgeDays: 90 });
    const production = loadConfig({ ...prod, DATA_DIR: dataDir() });
    expect(production.identity.staffMfa).toBe('required');
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

  it('metrics: open on the main port in demo mode, off in production, behind METRICS_TOKEN or on METRICS_PORT when set', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).metrics).toEqual({ token: undefined, port: undefined, host: '127.0.0.1', onMainPort: true });
    expect(loadConfig({ ...prod, DATA_DIR: dataDir() }).metrics.onMainPort).toBe(false);
    const token = 'scrape-token-0123456789';
    expect(loadConfig({ ...prod, DATA_DIR: dataDir(), METRICS_TOKEN: token }).metrics).toMatchObject({ token, onMainPort: true });
    expect(loadConfig({ ...prod, DATA_DIR: dataDir(), METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toMatchObject({
      port: 9464,
      host: '0.0.0.0',
      onMainPort: false,
    });
  });

  it.each([
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ METRICS_TOKEN: 'has a space in it, sixteen+' }, 'METRICS_TOKEN'],
    [{ METRICS_PORT: 'nine' }, 'METRICS_PORT'],
    [{ METRICS_PORT: '70000' }, 'METRICS_PORT'],
    [{ METRICS_PORT: '3000' }, 'METRICS_PORT'],
    [{ METRICS_PORT: '9464', METRICS_HOST: 'bad host/' }, 'METRICS_HOST'],
  ])('metrics: %j is refused naming %s', (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(expect.objectContaining({ variable }));
  });

  describe('answer signing keys', () => {
    it('in demo mode generates an RSA key once into DATA_DIR, with a key id from its thumbprint', () => {
      const dir = dataDir();
      const sut = loadConfig({ DATA_DIR: dir });
      expect(sut.organisationName).toBe('Otklik demo body');
      expect(sut.answerSigning.current.kid).toMatch(/^rsa-[\w-]{16}$/);
      expect(sut.answerSigning.current.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(readFileSync(join(dir, 'answer-signing-key.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY');
      expect(sut.answerSigning.previous).toEqual([]);
      const again = loadConfig({ DATA_DIR: dir });
      expect(again.answerSigning.current.kid).toBe(sut.answerSigning.current.kid);
      expect(again.answerSigning.current.publicKey.equals(sut.answerSigning.current.publicKey)).toBe(true);
    });

    it('takes the key as PEM text (with \\n escapes) or a file, the key id as given, earlier keys from JSON or a directory', () => {
      const dir = dataDir();
      const file = join(dir, 'current.pem');
      writeFileSync(file, signingKey);
      const old = rsaPem();
      const fromFile = loadConfig({ ...prod, DATA_DIR: dir, ANSWER_SIGNING_KEY: file, ANSWER_SIGNING_KEY_ID: '2026-03', ORGANISATION_NAME: ' Минцифры ' });
      expect(fromFile.answerSigning.current.kid).toBe('2026-03');
      expect(fromFile.organisationName).toBe('Минцифры');
      const escaped = loadConfig({ ...prod, DATA_DIR: dir, ANSWER_SIGNING_KEY: signingKey.replace(/\n/g, '\\n'), ANSWER_VERIFY_KEYS: JSON.stringify([{ kid: '2025-01', pem: old }]) });
      expect(escaped.answerSigning.current.publicKey.equals(fromFile.answerSigning.current.publicKey)).toBe(true);
      expect(escaped.answerSigning.previous.map((k) => [k.kid, k.publicKey.type])).toEqual([['2025-01', 'public']]);
      const keysDir = join(dir, 'old-keys');
      mkdirSync(keysDir);
      writeFileSync(join(keysDir, '2024-07.pem'), old);
      writeFileSync(join(keysDir, 'README.txt'), 'not a key');
      const fromDir = loadConfig({ ...prod, DATA_DIR: dir, ANSWER_VERIFY_KEYS: keysDir });
      expect(fromDir.answerSigning.previous.map((k) => k.kid)).toEqual(['2024-07']);
    });

    it.each([
      ['no key in production', 'ANSWER_SIGNING_KEY', { APP_MODE: 'production', MASTER_KEY: key, ANSWER_SIGNING_KEY: '' }, /required in production/],
      ['a PEM that does not parse', 'ANSWER_SIGNING_KEY', { ANSWER_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nnope\\n-----END PRIVATE KEY-----' }, /PEM/],
      ['a missing key file', 'ANSWER_SIGNING_KEY', { ANSWER_SIGNING_KEY: '/nonexistent/key.pem' }, /ENOENT/],
      ['an EC key', 'ANSWER_SIGNING_KEY', { ANSWER_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }, /RSA/],
      ['a 1024-bit RSA key', 'ANSWER_SIGNING_KEY', { ANSWER_SIGNING_KEY: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }, /2048/],
      ['a key id with a space', 'ANSWER_SIGNING_KEY_ID', { ANSWER_SIGNING_KEY_ID: 'has space' }, /letters/],
      ['a broken JSON list', 'ANSWER_VERIFY_KEYS', { ANSWER_VERIFY_KEYS: '[{"kid": "a"' }, /JSON/],
      ['a bad kid in the list', 'ANSWER_VERIFY_KEYS', { ANSWER_VERIFY_KEYS: '[{"kid": "bad kid", "pem": "x"}]' }, /kid/],
      ['a PEM in the list that does not parse', 'ANSWER_VERIFY_KEYS', { ANSWER_VERIFY_KEYS: '[{"kid": "old", "pem": "x"}]' }, /key "old"/],
      ['a missing directory', 'ANSWER_VERIFY_KEYS', { ANSWER_VERIFY_KEYS: '/nonexistent/dir' }, /directory/],
      ['the current kid listed with another key', 'ANSWER_VERIFY_KEYS', { ANSWER_SIGNING_KEY_ID: 'k', ANSWER_VERIFY_KEYS: JSON.stringify([{ kid: 'k', pem: rsaPem() }]) }, /current/],
      ['a 201-character name', 'ORGANISATION_NAME', { ORGANISATION_NAME: 'x'.repeat(201) }, /200/],
    ])('%s is refused naming %s', (_label, variable, env, message) => {
      let error: unknown;
      try {
        loadConfig({ DATA_DIR: dataDir(), ANSWER_SIGNING_KEY: signingKey, ...env });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toMatch(message);
    });
  });
  it('attachments: local storage and the issue limits by default; S3 from its variables', () => {
    const local = loadConfig({ DATA_DIR: dataDir() });
    expect(local.attachments).toMatchObject({ storage: 'local', s3: undefined, maxFileBytes: 5 * 1024 * 1024, maxAppealBytes: 20 * 1024 * 1024, maxFilesPerAppeal: 10, clamdSocket: undefined });
    const s3 = loadConfig({
      DATA_DIR: dataDir(),
      STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'otklik-files',
      S3_ACCESS_KEY: 'ak',
      S3_SECRET_KEY: 'sk',
      CLAMD_SOCKET: '/run/clamav/clamd.ctl',
    });
    expect(s3.attachments).toMatchObject({
      storage: 's3',
      s3: { endpoint: 'http://127.0.0.1:9000', bucket: 'otklik-files', accessKeyId: 'ak', secretAccessKey: 'sk', region: 'us-east-1', forcePathStyle: true },
      clamdSocket: '/run/clamav/clamd.ctl',
    });
  });

  it.each([
    [{ STORAGE: 'ftp' }, 'STORAGE'],
    [{ STORAGE: 's3', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b' }, 'S3_BUCKET'],
    [{ STORAGE: 's3', S3_BUCKET: 'Bad_Bucket', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b' }, 'S3_BUCKET'],
    [{ STORAGE: 's3', S3_BUCKET: 'files', S3_SECRET_KEY: 'b' }, 'S3_ACCESS_KEY'],
    [{ STORAGE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b', S3_ENDPOINT: 'nope' }, 'S3_ENDPOINT'],
    [{ ATTACHMENT_DAILY_QUOTA_MB: '-1' }, 'ATTACHMENT_DAILY_QUOTA_MB'],
    [{ ATTACHMENT_MAX_FILE_MB: '30' }, 'ATTACHMENT_MAX_APPEAL_MB'],
    [{ CLAMD_SOCKET: 'clamd.sock' }, 'CLAMD_SOCKET'],
  ])('attachments: %j is refused naming %s', (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(expect.objectContaining({ variable }));
  });

  it('webhooks: plain http only in demo mode, an allow-list of networks and names, an extra CA from a file', () => {
    const demo = loadConfig({ DATA_DIR: dataDir() });
    expect(demo.webhooks).toMatchObject({ allowHttp: true, retryHours: 72, disableAfterFailures: 50, extraCa: undefined });
    expect(loadConfig({ DATA_DIR: dataDir(), ...prod }).webhooks.allowHttp).toBe(false);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...prod, WEBHOOK_ALLOW_HTTP: 'true' })).toThrow(expect.objectContaining({ variable: 'WEBHOOK_ALLOW_HTTP' }));
    const dir = dataDir();
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const sut = loadConfig({ DATA_DIR: dir, WEBHOOK_ALLOW_LIST: '10.20.0.0/16, sed.body.local', WEBHOOK_CA_FILE: ca });
    expect(sut.webhooks.allowList.addressAllowed('10.20.1.1')).toBe(true);
    expect(sut.webhooks.allowList.hostAllowed('sed.body.local')).toBe(true);
    expect(sut.webhooks.extraCa).toContain('BEGIN CERTIFICATE');
  });

  it.each([
    [{ WEBHOOK_ALLOW_LIST: '10.0.0.0/40' }, 'WEBHOOK_ALLOW_LIST'],
    [{ WEBHOOK_ALLOW_LIST: 'not a host' }, 'WEBHOOK_ALLOW_LIST'],
    [{ WEBHOOK_CA_FILE: '/nonexistent/ca.pem' }, 'WEBHOOK_CA_FILE'],
    [{ WEBHOOK_DISABLE_AFTER_FAILURES: '0' }, 'WEBHOOK_DISABLE_AFTER_FAILURES'],
    [{ WEBHOOK_RETRY_HOURS: 'soon' }, 'WEBHOOK_RETRY_HOURS'],
  ])('webhooks: %j is refused naming %s', (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(expect.objectContaining({ variable }));
  });

  it('open311: a per-key rate per minute, 30 by default; zero or words are refused naming the variable', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).open311.ratePerMinute).toBe(30);
    expect(loadConfig({ DATA_DIR: dataDir(), OPEN311_RATE_PER_MINUTE: '5' }).open311.ratePerMinute).toBe(5);
    for (const value of ['0', 'many']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), OPEN311_RATE_PER_MINUTE: value })).toThrow(expect.objectContaining({ variable: 'OPEN311_RATE_PER_MINUTE' }));
    }
  });
});
