import { Agent, Dispatcher, request } from 'undici';

/** What a channel's HTTP endpoint answered: its status and the start of its body. */
export interface HttpReply {
  status: number;
  /** The body as text, cut at `maxReplyBytes`; '' when `readBody` is false. */
  text: string;
}

export interface HttpPostOptions {
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Time-out for the reply's headers and for each gap in its body (connecting has its own 10 s). */
  timeoutMs: number;
  /** Read the reply's body (a gateway's message id); otherwise it is discarded unread. */
  readBody?: boolean;
  /** The most of a reply that is read; the rest is dropped (a gateway has no reason to say more). */
  maxReplyBytes?: number;
  /** Another connection pool (the webhooks' pins each connection to an address its SSRF guard checked). */
  dispatcher?: Dispatcher;
}

/**
 * One keep-alive connection pool per process for the channels' HTTP endpoints (SMS gateways, push
 * services). Redirects are not followed: `request` never does.
 */
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1, connect: { timeout: 10_000 } });

/**
 * POSTs to a channel endpoint with undici's `request`. The global `fetch` does the same through
 * WHATWG streams: in the notifications bench it cost a quarter of the API's CPU, more than
 * planning and rendering the notices did (test/bench/README.md, phase h).
 */
export async function httpPost(url: string, options: HttpPostOptions): Promise<HttpReply> {
  const { timeoutMs } = options;
  const reply = await request(url, {
    method: 'POST',
    headers: options.headers,
    body: options.body,
    dispatcher: options.dispatcher ?? agent,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  if (!options.readBody) {
    await reply.body.dump();
    return { status: reply.statusCode, text: '' };
  }
  const limit = options.maxReplyBytes ?? 64 * 1024;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of reply.body as AsyncIterable<Buffer>) {
    if (size + chunk.length > limit) {
      chunks.push(chunk.subarray(0, limit - size));
      reply.body.destroy();
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { status: reply.statusCode, text: Buffer.concat(chunks).toString('utf8') };
}
