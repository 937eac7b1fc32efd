import { lookup, LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import type { WebhooksConfig } from '../../config/webhooks-config';
import { httpPost } from '../messaging/http-post';
import { AllowList, checkAddress, DestinationRefused } from './address-guard';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The one DNS lookup of a connection, with the SSRF guard inside it: every address the name
 * resolves to is checked (one private address among public ones refuses the name: a rebinding
 * server answers with both), and the socket connects to the address that was checked — there is
 * no second resolution for a rebinding DNS server to answer differently.
 */
export function guardedLookup(allow: AllowList) {
  return (hostname: string, options: LookupOptions | LookupCallback, callback?: LookupCallback): void => {
    const cb = (typeof options === 'function' ? options : callback)!;
    const opts: LookupOptions = typeof options === 'function' ? {} : options;
    lookup(hostname, { ...opts, all: true }, (error, addresses) => {
      if (error) return cb(error, []);
      try {
        if (addresses.length === 0) throw new Error(`${hostname} has no address`);
        for (const a of addresses) checkAddress(hostname, a.address, allow);
      } catch (refused) {
        return cb(refused as NodeJS.ErrnoException, []);
      }
      if (opts.all) cb(null, addresses);
      else cb(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface WebhookReply {
  status: number;
  durationMs: number;
}

/** Why a URL may not be a receiver, for the API's 422 (null: it may). A literal private address is refused here already. */
export function receiverUrlProblem(raw: string, config: Pick<WebhooksConfig, 'allowHttp' | 'allowList'>): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_a_url';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && config.allowHttp)) return 'https_required';
  if (url.username || url.password) return 'credentials_in_url';
  if (url.hash) return 'fragment_in_url';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    try {
      checkAddress(host, host, config.allowList);
    } catch (error) {
      if (error instanceof DestinationRefused) return `address_${error.reason}`;
      throw error;
    }
  }
  // A name is judged when it is resolved, at each connection (guardedLookup): what it resolves to now may change.
  return null;
}

/**
 * POSTs deliveries to receivers: keep-alive connections (undici `request` through the shared
 * httpPost: no redirects followed, a time-out, the reply read up to a limit and dropped), each
 * connection opened to an address the SSRF guard checked, with the extra CA of WEBHOOK_CA_FILE.
 */
export class WebhookHttp {
  private readonly agent: Agent;

  constructor(private readonly config: WebhooksConfig) {
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      connections: 64,
      pipelining: 1,
      connect: {
        timeout: 10_000,
        lookup: guardedLookup(config.allowList),
        // One secure context for every connection: built per connection from a `ca` list, parsing
        // the ~140 system roots cost a third of the sender's CPU in the bench.
        ...(config.extraCa ? { secureContext: createSecureContext({ ca: [...rootCertificates, config.extraCa] }) } : {}),
      },
    });
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<WebhookReply> {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    // A literal address is connected to without a lookup: checked here instead.
    if (isIP(host)) checkAddress(host, host, this.config.allowList);
    const started = process.hrtime.bigint();
    const reply = await httpPost(url, {
      headers: { 'content-type': 'application/json', 'user-agent': 'Otklik-Webhooks/1', ...headers },
      body,
      timeoutMs: this.config.timeoutMs,
      readBody: true,
      maxReplyBytes: this.config.maxResponseBytes,
      dispatcher: this.agent,
    });
    return { status: reply.status, durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n) };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
