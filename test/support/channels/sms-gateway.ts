import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One message as the HTTP gateway received it (the default SMS_HTTP_TEMPLATE's fields) and the id it answered. */
export interface GatewayMessage {
  to: string;
  text: string;
  id: string;
  /** The sender's idempotency key: the `Idempotency-Key` header, else a `ref` field of the body (`{ref}` in the template); absent without one. */
  ref?: string;
}

export interface SmsGateway {
  /** http://127.0.0.1:port/send — what SMS_HTTP_URL takes. */
  url: string;
  /** Every request accepted, repeats included. */
  messages: GatewayMessage[];
  /**
   * The messages by idempotency key, the first of each: what an idempotent gateway sends on to
   * the phone. A repeated key is answered with the first one's id and sent nowhere.
   */
  unique: Map<string, GatewayMessage>;
  /** Answer every request with this status from now on (an outage); null accepts again. */
  fail(status: number | null): void;
  close(): Promise<void>;
}

/** A local HTTP SMS gateway (what SMS_GATEWAY=http posts to): keeps every message and answers `{ "id": … }`. */
export async function startSmsGateway(): Promise<SmsGateway> {
  const messages: GatewayMessage[] = [];
  const unique = new Map<string, GatewayMessage>();
  let failing: number | null = null;
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (failing !== null) return void res.writeHead(failing, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      const { ref: bodyRef, ...fields } = JSON.parse(body) as { to: string; text: string; ref?: string };
      const header = req.headers['idempotency-key'];
      const ref = (typeof header === 'string' && header) || bodyRef || undefined;
      const first = ref ? unique.get(ref) : undefined;
      const message: GatewayMessage = { ...fields, id: first?.id ?? `gw-${++counter}`, ...(ref ? { ref } : {}) };
      messages.push(message);
      if (ref && !first) unique.set(ref, message);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: message.id, status: first ? 'duplicate' : 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    messages,
    unique,
    fail(status) {
      failing = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
