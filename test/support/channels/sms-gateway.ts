import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One message as the HTTP gateway received it (the default SMS_HTTP_TEMPLATE's fields) and the id it answered. */
export interface GatewayMessage {
  to: string;
  text: string;
  id: string;
  /** The sender's idempotency key: the `Idempotency-Key` header, else a `ref` field of the body (`{ref}` in the template); absent without one. */
  ref?: string;
  /** It came in a batch request. */
  batched?: true;
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
  /** Requests in the batch shape (Infobip's `{"messages":[{"destinations":[{"to","messageId"}],"text"}]}`), each message of them in `messages`. */
  batches: number;
  /** Answer every request with this status from now on (an outage); null accepts again. */
  fail(status: number | null): void;
  /**
   * Refuse each message to these numbers from now on (a number the operator will not serve): the
   * request still answers 200, the message's status says REJECTED (Infobip's `status.groupName`
   * in a batch, `status: "rejected"` alone), and it is sent nowhere (not in `messages`).
   */
  refuse(phones: string[]): void;
  /** How many messages were refused. */
  refusals: number;
  close(): Promise<void>;
}

/**
 * A local HTTP SMS gateway (what SMS_GATEWAY=http posts to): keeps every message and answers
 * `{ "id": … }`; a request in Infobip's batch shape (`POST /sms/2/text/advanced`) is answered as
 * Infobip documents it, one entry per message in order, its messageId the one the request gave.
 */
export async function startSmsGateway(): Promise<SmsGateway> {
  const messages: GatewayMessage[] = [];
  const unique = new Map<string, GatewayMessage>();
  let failing: number | null = null;
  let counter = 0;
  let batches = 0;
  let refused = new Set<string>();
  let refusals = 0;
  const accept = (fields: { to: string; text: string }, ref: string | undefined, id?: string) => {
    const first = ref ? unique.get(ref) : undefined;
    const message: GatewayMessage = { ...fields, id: first?.id ?? id ?? `gw-${++counter}`, ...(ref ? { ref } : {}), ...(id ? { batched: true as const } : {}) };
    messages.push(message);
    if (ref && !first) unique.set(ref, message);
    return { message, duplicate: !!first };
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (failing !== null) return void res.writeHead(failing, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      const parsed = JSON.parse(body) as { to: string; text: string; ref?: string; messages?: { destinations: { to: string; messageId?: string }[]; text: string }[] };
      if (Array.isArray(parsed.messages)) {
        batches++;
        const entries = parsed.messages.map((m) => {
          const [{ to, messageId }] = m.destinations;
          if (refused.has(to)) {
            refusals++;
            return { to, messageId, status: { groupId: 5, groupName: 'REJECTED', name: 'REJECTED_DESTINATION' } };
          }
          const { message } = accept({ to, text: m.text }, messageId || undefined, messageId || undefined);
          return { to, messageId: message.id, status: { groupId: 1, groupName: 'PENDING', name: 'PENDING_ENROUTE' } };
        });
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bulkId: `bulk-${batches}`, messages: entries }));
      }
      const header = req.headers['idempotency-key'];
      if (refused.has(parsed.to)) {
        refusals++;
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-refused-${refusals}`, status: 'rejected' }));
      }
      const { message, duplicate } = accept({ to: parsed.to, text: parsed.text }, (typeof header === 'string' && header) || parsed.ref || undefined);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: message.id, status: duplicate ? 'duplicate' : 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    messages,
    unique,
    get batches() {
      return batches;
    },
    fail(status) {
      failing = status;
    },
    refuse(phones) {
      refused = new Set(phones);
    },
    get refusals() {
      return refusals;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
