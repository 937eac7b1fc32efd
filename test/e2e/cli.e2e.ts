import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anonymous, tokensOf } from './support/api';
import { runCli, serverCliEnv } from './support/cli';

const cli = runCli;

describe('admin CLI', () => {
  // The CLI works on the server's own data: connected to the embedded PostgreSQL the running
  // server started in its DATA_DIR, or on the same PostgreSQL database (production mode: the keys it requires).
  const serverEnv = serverCliEnv;

  it('creates a staff account the running server accepts at once', async () => {
    const email = `cli-operator-${Date.now()}@example.ru`;
    const created = cli(['user:create', '--role', 'operator', '--email', email, '--password', 'Cli#Password2026', '--department', 'finance', '--name', 'Оператор Из Консоли'], serverEnv());
    expect(created.out).toContain(`created operator ${email}`);
    expect(created.status).toBe(0);
    const login = await anonymous().POST('/api/v1/auth/login', { body: { login: email, password: 'Cli#Password2026' } });
    expect(login.response.status).toBe(200);
    const me = await anonymous({ Authorization: `Bearer ${tokensOf(login.data).accessToken}` }).GET('/api/v1/me');
    expect(me.data).toMatchObject({ role: 'operator', fullName: 'Оператор Из Консоли', department: { code: 'finance' } });
  });

  it('explains what is wrong and exits non-zero', () => {
    const noDept = cli(['user:create', '--role', 'operator', '--email', 'x@example.ru', '--password', 'Cli#Password2026'], serverEnv());
    expect(noDept.status).not.toBe(0);
    expect(noDept.out).toContain('department');
    const badRole = cli(['user:create', '--role', 'king', '--email', 'x@example.ru', '--password', 'Cli#Password2026'], serverEnv());
    expect(badRole.status).not.toBe(0);
    expect(badRole.out).toContain('--role must be one of citizen, operator, supervisor, admin');
    const taken = cli(['user:create', '--role', 'citizen', '--email', 'citizen@demo.otklik.local', '--password', 'Cli#Password2026'], serverEnv());
    expect(taken.status).not.toBe(0);
    expect(taken.out).toContain('email');
  });

  it('opens an embedded DATA_DIR itself when no server holds it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'otklik-cli-'));
    try {
      const seeded = cli(['seed:demo'], { DATA_DIR: dataDir });
      expect(seeded.out).toContain('demo accounts created: citizen@demo.otklik.local');
      expect(seeded.status).toBe(0);
      const again = cli(['seed:demo'], { DATA_DIR: dataDir });
      expect(again.out).toContain('demo data already present');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad configuration with one line naming the variable', () => {
    const result = cli(['seed:demo'], { PORT: 'abc', DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-cli-')) });
    expect(result.status).toBe(1);
    expect(result.out.trim()).toBe('Invalid configuration: PORT must be a whole number, got "abc"');
  });
});
