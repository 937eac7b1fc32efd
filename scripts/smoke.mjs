// The full appeal story over HTTP against a running instance, as a new user meets the product
// (used by .ci/run on `npm start`): file, take, request documents, the citizen replies with a
// file, answer, download the signed answer, dispute, the decision appeal answered and rated.
// `--stories N` runs it N times with the application clock moved a day further each time (so
// the scheduler, ticking meanwhile, finds deadlines passed: needs CLOCK_CONTROL=true), checking
// that /api/health/ready stays 200; `--idle S` then waits S seconds and files once more.
// Every request has a time-out: a hang fails the run instead of stalling it.
const args = process.argv.slice(2);
const base = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'http://localhost:3000';
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const stories = opt('stories', 1);
const idleSeconds = opt('idle', 0);
const DAY = 86_400_000;
const TIMEOUT = 15_000;

async function request(method, path, { body, token, form } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: form ?? (body ? JSON.stringify(body) : undefined),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  return res;
}
async function json(method, path, options) {
  const res = await request(method, path, options);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}
const login = async (email, password) => (await json('POST', '/api/v1/auth/login', { body: { login: email, password } })).accessToken;
async function ready() {
  const res = await request('GET', '/api/health/ready');
  if (res.status !== 200) throw new Error(`/api/health/ready answered ${res.status}: ${await res.text()}`);
}

const citizen = await login('citizen@demo.otklik.local', 'Citizen#Demo2026');
const operator = await login('operator@demo.otklik.local', 'Operator#Demo2026');
const qc = await login('qc-operator@demo.otklik.local', 'Operator#Demo2026');
const categories = await json('GET', '/api/v1/catalog/categories');
const flat = categories.flatMap((c) => [c, ...(c.children ?? [])]);
const tech = flat.find((c) => c.code === 'tech') ?? flat.find((c) => c.code === 'general');
let offsetMs = 0;
const moveClock = async (ms) => {
  offsetMs = ms;
  await json('PUT', '/api/v1/test/clock', { body: { offsetMs }, token: operator });
};

async function story(i) {
  const appeal = await json('POST', '/api/v1/appeals', {
    token: citizen,
    body: { type: 'complaint', categoryId: tech.id, subject: `Проверка CI ${i}`, text: 'Не работает вход в личный кабинет.' },
  });
  if (appeal.status !== 'registered') throw new Error(`story ${i}: filed as ${appeal.status}`);
  const act = (token, id, action, body = {}) => json('POST', `/api/v1/staff/appeals/${id}/actions/${action}`, { token, body });
  await act(operator, appeal.id, 'take');
  const dueOn = new Date(Date.now() + offsetMs + 10 * DAY).toISOString().slice(0, 10);
  await act(operator, appeal.id, 'request-documents', { documents: ['Скриншот ошибки'], dueOn });
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(`Пояснение к обращению ${appeal.number}\n`)], { type: 'text/plain' }), 'пояснение.txt');
  const upload = await json('POST', '/api/v1/attachments', { token: citizen, form });
  await json('POST', `/api/v1/appeals/${appeal.id}/materials`, { token: citizen, body: { comment: 'Прилагаю', attachmentIds: [upload.id] } });
  const answered = await json('POST', `/api/v1/staff/appeals/${appeal.id}/answer`, { token: operator, body: { result: 'done', resultCode: 1, text: 'Доступ восстановлен.' } });
  if (answered.status !== 'resolved') throw new Error(`story ${i}: answered as ${answered.status}`);
  const pdf = await request('GET', `/api/v1/appeals/${appeal.id}/answer?format=pdf`, { token: citizen });
  const bytes = Buffer.from(await pdf.arrayBuffer());
  if (pdf.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`story ${i}: signed answer PDF ${pdf.status}`);
  const decision = await json('POST', `/api/v1/appeals/${appeal.id}/actions/dispute`, { token: citizen, body: { text: 'Не согласен: ошибка повторяется.' } });
  await act(qc, decision.id, 'take');
  await json('POST', `/api/v1/staff/appeals/${decision.id}/answer`, { token: qc, body: { result: 'done', resultCode: 1, text: 'Жалоба рассмотрена.' } });
  await json('POST', `/api/v1/appeals/${decision.id}/rating`, { token: citizen, body: { score: 4, comment: 'Спасибо' } });
  const card = await json('GET', `/api/v1/appeals/${decision.id}`, { token: citizen });
  if (card.status !== 'resolved' || !card.answer) throw new Error(`story ${i}: decision appeal ${card.status}`);
}

const started = Date.now();
for (let i = 1; i <= stories; i++) {
  await story(i);
  await ready();
  // A day later each time: the scheduler (ticking every SLA_TICK_SECONDS) finds earlier
  // deadlines passed and escalates, reminds and auto-closes in between the stories.
  if (stories > 1) await moveClock(i * DAY);
}
if (stories > 1) await moveClock(0);
console.log(`smoke: ${stories} stories in ${((Date.now() - started) / 1000).toFixed(1)} s; /api/health/ready 200 after each`);
if (idleSeconds > 0) {
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  await ready();
  const after = await json('POST', '/api/v1/appeals', { token: await login('citizen@demo.otklik.local', 'Citizen#Demo2026'), body: { type: 'question', categoryId: tech.id, subject: 'После простоя', text: 'Проверка после простоя.' } });
  console.log(`smoke: after ${idleSeconds} s idle, filed appeal №${after.number} (${after.status})`);
}
