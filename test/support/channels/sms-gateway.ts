import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One message as the HTTP gateway received it (the default SMS_HTTP_TEMPLATE's fields) and the id it answered. */
export interface GatewayMessage {
  to: string;
  text: string;
  id: string;
}

export interface SmsGateway {
  /** http://127.0.0.1:port/send — what SMS_HTTP_URL takes. */
  url: string;
  messages: GatewayMessage[];
  /** Answer every request with this status from now on (an outage); null accepts again. */
  fail(status: number | null): void;
  close(): Promise<void>;
}

/** A local HTTP SMS gateway (what SMS_GATEWAY=http posts to): keeps every message and answers `{ "id": … }`. */
export async function startSmsGateway(): Promise<SmsGateway> {
  const messages: GatewayMessage[] = [];
  let failing: number | null = null;
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (failing !== null) return void res.writeHead(failing, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      const id = `gw-${++counter}`;
      messages.push({ ...(JSON.parse(body) as { to: string; text: string }), id });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    messages,
    fail(status) {
      failing = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
