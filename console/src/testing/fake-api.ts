import { PendingTasks } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { vi } from 'vitest';

/**
 * The HTTP boundary of the component tests. The console talks to the API through openapi-fetch
 * (`fetch`), not Angular's HttpClient, so HttpTestingController would see nothing: this stands in
 * for `fetch` instead, in the same spirit — every request is recorded, each test says what the API
 * answers, and a request nobody expected fails the test (see `verify`). Everything above fetch
 * (the API client, its middleware, the services and components) is the real code.
 *
 * Install it before the first `inject`/`createComponent`: the API client takes `fetch` when created.
 */
export interface SentRequest {
  method: string;
  /** The path without the query, e.g. /api/v1/staff/appeals/42. */
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  headers: Headers;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** A text/event-stream body instead of JSON: the test writes to it while the client reads. */
  stream?: FakeEventStream;
}

type Responder = (request: SentRequest) => Reply | Promise<Reply>;

interface Route {
  method: string;
  path: string | RegExp;
  respond: Responder;
  /** A held request is not a pending task: harnesses can read the page while it is in flight. */
  held?: boolean;
}

export class FakeApi {
  readonly requests: SentRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly unexpected: string[] = [];

  /** Answers every later `method path` request (a later `on` for the same route wins). */
  on(method: string, path: string | RegExp, reply: Reply | Responder): this {
    this.routes.unshift({ method, path, respond: typeof reply === 'function' ? reply : () => reply });
    return this;
  }

  /**
   * Holds every later `method path` request until the test releases it with a reply: for asserting
   * what the page shows while a request is in flight.
   */
  hold(method: string, path: string | RegExp): { release: (reply: Reply) => void } {
    let release: (reply: Reply) => void = () => undefined;
    const replied = new Promise<Reply>((resolve) => (release = resolve));
    this.routes.unshift({ method, path, respond: () => replied, held: true });
    return { release: (reply) => release(reply) };
  }

  /**
   * Answers every later GET `path` with a fresh Server-Sent Events stream; `connections` holds
   * them in order, with the request that opened each.
   */
  eventStream(path: string | RegExp): { connections: { request: SentRequest; stream: FakeEventStream }[] } {
    const connections: { request: SentRequest; stream: FakeEventStream }[] = [];
    this.on('GET', path, (request) => {
      const stream = new FakeEventStream();
      connections.push({ request, stream });
      return { stream };
    });
    return { connections };
  }

  /** Requests sent so far to `method path`. */
  sent(method: string, path: string | RegExp): SentRequest[] {
    return this.requests.filter((r) => r.method === method && matches(path, r.path));
  }

  /**
   * Puts this in place of `fetch`. Each request is an Angular pending task until a macrotask after
   * its answer (time for the caller to read it), so `fixture.whenStable()` — and so every harness
   * call — waits for the API as it would for HttpClient.
   */
  install(): void {
    // A browser resolves the client's same-origin paths against the page; Node's Request (which
    // jsdom leaves in place) wants absolute URLs, so it gets the page's address as a browser would.
    const NodeRequest = globalThis.Request;
    vi.stubGlobal(
      'Request',
      class PageRequest extends NodeRequest {
        constructor(input: RequestInfo | URL, init?: RequestInit) {
          super(typeof input === 'string' ? new URL(input, location.href) : input, init);
        }
      },
    );
    vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
      const request = new Request(input, init);
      const done = this.route(request.method, new URL(request.url).pathname)?.held ? () => undefined : TestBed.inject(PendingTasks).add();
      try {
        return await this.handle(request);
      } finally {
        setTimeout(done, 0);
      }
    });
  }

  /** Fails when a request reached no route (like HttpTestingController.verify). */
  verify(): void {
    if (this.unexpected.length) throw new Error(`Unexpected API requests:\n${this.unexpected.join('\n')}`);
  }

  private route(method: string, path: string): Route | undefined {
    return this.routes.find((r) => r.method === method && matches(r.path, path));
  }

  private async handle(request: Request): Promise<Response> {
    const url = new URL(request.url, 'http://localhost');
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const sent: SentRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: request.headers,
    };
    this.requests.push(sent);
    const route = this.route(sent.method, sent.path);
    if (!route) {
      this.unexpected.push(`${sent.method} ${sent.path}${url.search}`);
      return json(501, problem(501, 'Not Implemented', 'no route in the test'));
    }
    const { status = 200, body, stream } = await route.respond(sent);
    if (stream) return new Response(stream.body, { status, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
    if (status === 204) return new Response(null, { status });
    const isProblem = status >= 400 && typeof body === 'object' && body !== null && 'title' in body;
    return json(status, body ?? {}, isProblem ? 'application/problem+json' : 'application/json');
  }
}

function matches(path: string | RegExp, actual: string): boolean {
  return typeof path === 'string' ? path === actual : path.test(actual);
}

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

/**
 * The server's side of one Server-Sent Events connection: what the test writes, the client reads
 * (in whatever chunks it is written, so a test can split a line or an event on purpose).
 */
export class FakeEventStream {
  readonly body: ReadableStream<Uint8Array>;
  /** True once the client stopped reading (an abort, a sign-out). */
  cancelled = false;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly encoder = new TextEncoder();

  constructor() {
    this.body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
  }

  /** Raw text of the stream, exactly as given. */
  write(text: string): void {
    if (!this.cancelled) this.controller.enqueue(this.encoder.encode(text));
  }

  /** One event: `id:` (when given), `event:`, `data:` as JSON, and the blank line that ends it. */
  event(event: string, data: unknown, id?: string): void {
    this.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** The server ends the response (a restart, a proxy's time-out). */
  close(): void {
    if (!this.cancelled) this.controller.close();
  }

  /** The connection breaks mid-stream. */
  drop(): void {
    if (!this.cancelled) this.controller.error(new TypeError('network error'));
  }
}

/** An RFC 9457 body as the API sends it. */
export function problem(status: number, title: string, detail = title, errors?: { field: string; code: string; message: string }[]) {
  return { type: 'about:blank', title, status, detail, instance: '/', code: `HTTP_${status}`, ...(errors ? { errors } : {}) };
}

/**
 * Retries `check` until it passes (5 s at most): for what follows a request the test released
 * itself, or the snackbar, whose module is loaded on first use. Vitest's own default (1 s) is tight
 * on a busy machine.
 */
export function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 5000, interval: 20 });
}
