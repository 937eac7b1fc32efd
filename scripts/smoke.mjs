// Files and fetches one appeal over HTTP against a running instance (used by .ci/run).
const base = process.argv[2] ?? 'http://localhost:3000';
const json = async (res) => {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.url} → ${res.status}: ${JSON.stringify(body)}`);
  return body;
};
const post = (path, body, token) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const { accessToken } = await json(await post('/api/v1/auth/login', { login: 'citizen@demo.otklik.local', password: 'Citizen#Demo2026' }));
const categories = await json(await fetch(`${base}/api/v1/catalog/categories`));
const general = categories.find((c) => c.code === 'general');
const created = await json(
  await post('/api/v1/appeals', { type: 'question', categoryId: general.id, subject: 'Проверка CI', text: 'Обращение, поданное проверкой CI.' }, accessToken),
);
const card = await json(await fetch(`${base}/api/v1/appeals/${created.number}`, { headers: { authorization: `Bearer ${accessToken}` } }));
if (card.id !== created.id || card.status !== 'registered') throw new Error(`unexpected card ${JSON.stringify(card)}`);
console.log(`smoke: filed appeal №${created.number} (${card.status}, due ${card.dueAt}) and read it back`);
