import { DEMO, raw, signedIn } from './api';
import { RunningServer, startServer, stopRunning } from './server';

export type Signed = Awaited<ReturnType<typeof signedIn>>;

/** A demo operator of quality control: staff, but outside technical support's appeals. */
export const OUTSIDER = { login: 'qc-operator@demo.otklik.local', password: 'Operator#Demo2026' } as const;

/** A server of the suite's own, the API helpers pointed at it, and the demo people signed in on it. */
export interface StaffCast {
  readonly server: RunningServer;
  readonly citizen: Signed;
  readonly operator: Signed;
  /** {@link OUTSIDER}. */
  readonly outsider: Signed;
  /** The demo supervisor: heads the root, so every department is theirs. */
  readonly supervisor: Signed;
  readonly admin: Signed;
  /** OTKLIK_BASE_URL before the suite pointed it at its server (restored by {@link stopStaffCast}). */
  readonly previousBase: string | undefined;
}

/**
 * Starts a server for the suite (in beforeAll) and signs in a citizen, an operator, an outsider,
 * the supervisor and the admin. When a login fails, the server is stopped and OTKLIK_BASE_URL
 * restored before the error is thrown: nothing is left running for afterAll to miss.
 */
export async function startStaffCast(): Promise<StaffCast> {
  const server = await startServer();
  const previousBase = process.env.OTKLIK_BASE_URL;
  process.env.OTKLIK_BASE_URL = server.baseUrl;
  try {
    const [citizen, operator, outsider, supervisor, admin] = await Promise.all([
      signedIn(DEMO.citizen),
      signedIn(DEMO.operator),
      signedIn(OUTSIDER),
      signedIn(DEMO.supervisor),
      signedIn(DEMO.admin),
    ]);
    return { server, citizen, operator, outsider, supervisor, admin, previousBase };
  } catch (error) {
    process.env.OTKLIK_BASE_URL = previousBase;
    await stopRunning(server);
    throw error;
  }
}

/** Restores OTKLIK_BASE_URL and stops the server (in afterAll; a cast that never started is nothing to stop). */
export async function stopStaffCast(cast: StaffCast | undefined): Promise<void> {
  if (!cast) return;
  process.env.OTKLIK_BASE_URL = cast.previousBase;
  await stopRunning(cast.server);
}

/** A raw request as `client` (anonymous without one): bodies the typed client would refuse, any status. */
export const call = (client: Signed | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  raw(path, { method, token: client?.token, headers, body: body === undefined ? undefined : JSON.stringify(body) });
