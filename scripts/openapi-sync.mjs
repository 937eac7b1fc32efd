// Writes the OpenAPI document generated from the backend to shared/api/openapi.json and the
// typed client's types to shared/api/schema.d.ts. With --check, fails when either is stale
// (CI runs it). Needs the compiled backend (npm run build:backend).
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const check = process.argv.includes('--check');

process.env.MASTER_KEY ??= Buffer.alloc(32).toString('base64');
// Production mode requires an answer-signing key; a throwaway one (nothing is signed here).
process.env.ANSWER_SIGNING_KEY ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
// …and VAPID keys of web push (throwaway too: nothing is sent).
if (!process.env.VAPID_PUBLIC_KEY) {
  const vapid = createRequire(import.meta.url)('web-push').generateVAPIDKeys();
  process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
  process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
}
process.env.LOG_LEVEL ??= 'silent';
const { loadConfig } = require(join(root, 'dist/backend/src/config/app-config.js'));
const { createHttpApp, buildOpenApi } = require(join(root, 'dist/backend/src/http.js'));

const config = { ...loadConfig({ ...process.env, APP_MODE: 'production', DATABASE_URL: 'postgres://unused/unused' }), consoleDir: '/nonexistent' };
// Preview mode: controllers and DTO metadata only, no database connection.
const app = await createHttpApp({ config, databaseUrl: 'postgres://unused/unused', embedded: false, process: 'api' }, { preview: true });
const document = buildOpenApi(app, 'http://localhost');
await app.close().catch(() => undefined);

const json = `${JSON.stringify(document, null, 2)}\n`;
const types = `/* Generated from shared/api/openapi.json by npm run openapi:sync. Do not edit. */\n${astToString(await openapiTS(JSON.parse(json), { defaultNonNullable: false }))}`;
const targets = [
  [join(root, 'shared/api/openapi.json'), json],
  [join(root, 'shared/api/schema.d.ts'), types],
];
let stale = [];
for (const [file, content] of targets) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current !== content) {
    stale.push(file);
    if (!check) writeFileSync(file, content);
  }
}
if (check && stale.length) {
  console.error(`stale: ${stale.map((f) => f.slice(root.length + 1)).join(', ')} — run npm run openapi:sync and commit`);
  process.exit(1);
}
console.log(check ? 'OpenAPI document and client are up to date' : stale.length ? `written: ${stale.map((f) => f.slice(root.length + 1)).join(', ')}` : 'already up to date');
process.exit(0);
