// Login throughput and latency: `benchLogin({ baseUrl, seconds })` signs in the demo citizen
// over and over with autocannon and reports requests/s and p99. Login is bound by argon2id
// (one verify per request), so this is the cost the hasher parameters buy.
// The server under test should run with AUTH_RATE_LIMIT_PER_MINUTE raised (and a lockout-free
// account): otherwise the per-IP sign-in limit answers 429 and the figures measure that instead.
import autocannon from 'autocannon';

export async function benchLogin({ baseUrl, seconds = 10, connections = 8, login = 'citizen@demo.otklik.local', password = 'Citizen#Demo2026' } = {}) {
  const result = await autocannon({
    url: `${baseUrl}/api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
    connections,
    duration: seconds,
  });
  const ok = result['2xx'];
  const other = result.non2xx;
  return {
    name: 'login',
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    ok,
    non2xx: other,
    errors: result.errors,
  };
}
