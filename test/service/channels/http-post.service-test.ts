import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { httpPost } from '../../../backend/src/modules/messaging/http-post';
import { HttpSmsSender } from '../../../backend/src/modules/messaging/sms-sender';

/** The channels' HTTP client (SMS gateways, push services) against a real local server. */
describe('httpPost', () => {
  let server: Server;
  let base: string;
  let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  const sockets = new Set<Socket>();
  let hits: string[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        hits.push(`${req.method} ${req.url}`);
        handler(req, res, body);
      });
    });
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    hits = [];
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => server.close(r));
  });

  it('sends the body and headers as given and reads the reply', async () => {
    handler = (req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ got: body, key: req.headers['idempotency-key'], type: req.headers['content-type'] }));
    };
    const reply = await httpPost(`${base}/sms`, { headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' }, body: '{"text":"Ваше обращение"}', timeoutMs: 2000, readBody: true });
    expect(reply.status).toBe(201);
    expect(JSON.parse(reply.text)).toEqual({ got: '{"text":"Ваше обращение"}', key: 'k-1', type: 'application/json' });
  });

  it('keeps connections alive: a hundred sends one after another use one or two connections', async () => {
    handler = (_req, res) => res.end('{"id":"x"}');
    const before = sockets.size;
    for (let i = 0; i < 100; i++) await httpPost(`${base}/sms`, { headers: {}, body: 'x', timeoutMs: 2000, readBody: true });
    expect(hits).toHaveLength(100);
    expect(sockets.size - before).toBeLessThanOrEqual(2);
  });

  it('does not follow a redirect: the SMS driver reports the 302 and the target is never asked', async () => {
    handler = (req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: `${base}/elsewhere` });
        res.end();
        return;
      }
      res.end('{"id":"should-not-be-here"}');
    };
    const sut = new HttpSmsSender(`${base}/moved`, '{"to":"{phone}","text":"{text}"}');
    await expect(sut.send('+79161234567', 'x')).rejects.toThrow(/302/);
    expect(hits).toEqual(['POST /moved']);
  });

  it('gives up on an endpoint that accepts the request and never answers', async () => {
    handler = () => undefined; // the reply never comes
    const started = Date.now();
    await expect(httpPost(`${base}/hang`, { headers: {}, body: 'x', timeoutMs: 300, readBody: true })).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads no more of a reply than the limit', async () => {
    handler = (_req, res) => res.end('a'.repeat(200_000));
    const reply = await httpPost(`${base}/big`, { headers: {}, body: 'x', timeoutMs: 2000, readBody: true, maxReplyBytes: 1000 });
    expect(reply.text).toHaveLength(1000);
    // The client is still usable after a cut reply.
    handler = (_req, res) => res.end('ok');
    expect((await httpPost(`${base}/after`, { headers: {}, body: 'x', timeoutMs: 2000, readBody: true })).text).toBe('ok');
  });
});
