import { createDecipheriv, createECDH, createPublicKey, ECDH, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/** What PushManager.subscribe() gives a page, as PushSubscription.toJSON(). */
export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** One message the push service accepted, decrypted as the browser would. */
export interface ReceivedPush {
  id: string;
  payload: string;
  headers: IncomingHttpHeaders;
  /** The VAPID JWT's claims and key (base64url) the request was signed with. */
  vapid: { sub: string; aud: string; exp: number; publicKey: string };
}

export interface PushEndpoint {
  /** http://127.0.0.1:port */
  origin: string;
  received: ReceivedPush[];
  /** Requests refused (bad VAPID, undecryptable, gone, outage), with the status answered. */
  refused: { id: string; status: number; reason: string }[];
  /** A fresh subscription: a P-256 key pair and a 16-byte auth secret, as a browser makes them. */
  newSubscription(id?: string): BrowserSubscription;
  /** Answer 410 Gone for this subscription from now on (the user unsubscribed). */
  gone(id: string): void;
  /** An outage: answer every request with this status, or `refuse` connections; null ends it. */
  outage(mode: number | 'refuse' | null): void;
  close(): Promise<void>;
}

interface Keys {
  ecdh: ECDH;
  auth: Buffer;
}

/**
 * A local Web Push service (RFC 8030) for tests: POST /push/:id with a VAPID Authorization header
 * (RFC 8292: `vapid t=<ES256 JWT>, k=<public key>`, audience = this origin) and an aes128gcm body
 * (RFC 8188) encrypted for the subscription (RFC 8291), which it decrypts with the subscription's
 * private key and auth secret. Answers 201, or 404 for an unknown id, 410 for a gone one, 401 for
 * a bad signature, 400 for a body that does not decrypt.
 */
export async function startPushEndpoint(): Promise<PushEndpoint> {
  const subscriptions = new Map<string, Keys>();
  const goneIds = new Set<string>();
  const received: ReceivedPush[] = [];
  const refused: PushEndpoint['refused'] = [];
  const sockets = new Set<Socket>();
  let outage: number | 'refuse' | null = null;
  let origin = '';
  let counter = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
      const refuse = (status: number, reason: string) => {
        refused.push({ id, status, reason });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(reason);
      };
      if (outage === 'refuse') return void req.socket.destroy();
      if (typeof outage === 'number') return refuse(outage, 'outage');
      if (req.method !== 'POST') return refuse(405, 'POST only');
      const keys = subscriptions.get(id);
      if (!keys) return refuse(404, 'no such subscription');
      if (goneIds.has(id)) return refuse(410, 'unsubscribed');
      let vapid: ReceivedPush['vapid'];
      try {
        vapid = verifyVapid(req.headers.authorization ?? '', origin);
      } catch (error) {
        return refuse(401, (error as Error).message);
      }
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'content-encoding must be aes128gcm');
      if (!req.headers.ttl) return refuse(400, 'TTL header missing');
      let payload: string;
      try {
        payload = decryptAes128gcm(Buffer.concat(chunks), keys).toString('utf8');
      } catch (error) {
        return refuse(400, `cannot decrypt: ${(error as Error).message}`);
      }
      received.push({ id, payload, headers: req.headers, vapid });
      res.writeHead(201, { location: `${origin}/message/${++counter}` }).end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    refused,
    newSubscription(id = randomBytes(8).toString('hex')) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscriptions.set(id, { ecdh, auth });
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
    },
    gone(id) {
      goneIds.add(id);
    },
    outage(mode) {
      outage = mode;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Checks `vapid t=…, k=…`: an ES256 JWT signed by k, for this origin, not expired, at most 24 h ahead, with a contact. */
function verifyVapid(header: string, origin: string): ReceivedPush['vapid'] {
  const match = /^vapid\s+(.+)$/i.exec(header);
  if (!match) throw new Error('Authorization is not "vapid t=…, k=…"');
  const params = Object.fromEntries(match[1].split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const token = params.t;
  const k = params.k;
  if (!token || !k) throw new Error('vapid t or k missing');
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) throw new Error('t is not a JWS');
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
  if (header_.alg !== 'ES256') throw new Error(`JWT alg ${header_.alg} is not ES256`);
  if (!verify('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) throw new Error('JWT signature does not verify with k');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== origin) throw new Error(`JWT aud ${claims.aud} is not ${origin}`);
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + 24 * 3600 + 60) throw new Error('JWT exp missing, past or more than 24 h ahead');
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) throw new Error('JWT sub must be a mailto: or https: contact');
  return { sub: claims.sub, aud: claims.aud, exp: claims.exp, publicKey: k };
}

/** RFC 8188 aes128gcm with the RFC 8291 key derivation, from the user agent's side. */
function decryptAes128gcm(body: Buffer, { ecdh, auth }: Keys): Buffer {
  if (body.length < 21) throw new Error('body shorter than the header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  const senderKey = body.subarray(21, 21 + idlen);
  if (idlen !== 65) throw new Error('keyid is not the sender’s P-256 public key');
  if (rs < 18) throw new Error('record size too small');
  const secret = ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const baseNonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const records = body.subarray(21 + idlen);
  const plain: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < records.length; offset += rs, seq++) {
    const record = records.subarray(offset, offset + rs);
    const nonce = Buffer.from(baseNonce);
    // The record sequence number XORs into the nonce's low bytes (record counts stay far below 2^32).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    const last = offset + rs >= records.length;
    if (end < 0 || padded[end] !== (last ? 2 : 1)) throw new Error('bad padding delimiter');
    plain.push(padded.subarray(0, end));
  }
  return Buffer.concat(plain);
}
