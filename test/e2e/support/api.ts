import { createApiClient, type ApiClient, type Schemas } from '../../../shared/api/client';

export const BASE_URL = () => {
  const url = process.env.OTKLIK_BASE_URL;
  if (!url) throw new Error('OTKLIK_BASE_URL is not set: run through jest (global setup starts the server)');
  return url;
};

export const DEMO = {
  citizen: { login: 'citizen@demo.otklik.local', password: 'Citizen#Demo2026' },
  citizen2: { login: 'citizen2@demo.otklik.local', password: 'Citizen#Demo2026' },
  operator: { login: 'operator@demo.otklik.local', password: 'Operator#Demo2026' },
  poolOperator: { login: 'pool-operator@demo.otklik.local', password: 'Operator#Demo2026' },
  /** An operator of administration, the parent of every demo department: escalations land there. */
  office: { login: 'office@demo.otklik.local', password: 'Operator#Demo2026' },
  supervisor: { login: 'supervisor@demo.otklik.local', password: 'Supervisor#Demo2026' },
  admin: { login: 'admin@demo.otklik.local', password: 'Admin#Demo2026' },
  auditor: { login: 'auditor@demo.otklik.local', password: 'Auditor#Demo2026' },
} as const;

/** An anonymous typed client of the API under test. */
export function anonymous(headers: Record<string, string> = {}): ApiClient {
  return createApiClient({ baseUrl: BASE_URL(), headers });
}

/** The tokens of a login answer (fails when the account asked for a second factor instead). */
export function tokensOf<T extends object>(data: T | undefined): Extract<T, { accessToken: string }> {
  if (!data || !('accessToken' in data)) throw new Error(`expected tokens, got ${JSON.stringify(data)}`);
  return data as Extract<T, { accessToken: string }>;
}

/** A typed client signed in as `who` (one login per call). */
export async function signedIn(who: { login: string; password: string }, headers: Record<string, string> = {}): Promise<ApiClient & { token: string }> {
  const { data, error } = await anonymous().POST('/api/v1/auth/login', { body: who });
  if (!data) throw new Error(`login failed for ${who.login}: ${JSON.stringify(error)}`);
  const { accessToken } = tokensOf(data);
  const client = createApiClient({ baseUrl: BASE_URL(), headers: { Authorization: `Bearer ${accessToken}`, ...headers } });
  return Object.assign(client, { token: accessToken });
}

/** Raw fetch for what the typed client would refuse to send (bad bodies, unknown fields). */
export async function raw(path: string, init: RequestInit & { token?: string; stream?: boolean } = {}): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const controller = new AbortController();
  const res = await fetch(`${BASE_URL()}${path}`, { ...init, headers, signal: controller.signal });
  // `stream`: an accepted event stream never ends, so its status and headers are the answer.
  if (init.stream && res.headers.get('content-type')?.startsWith('text/event-stream')) {
    controller.abort();
    return { status: res.status, headers: res.headers, body: undefined, text: '' };
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export type { Schemas };
