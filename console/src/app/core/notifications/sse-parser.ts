/** One Server-Sent Event as the stream framed it (WHATWG HTML § 9.2 "event stream interpretation"). */
export interface SseEvent {
  /** `event:`; "message" when the event named none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen on the stream so far (it carries over to later events), or null. */
  id: string | null;
}

/**
 * The text/event-stream format, parsed incrementally: chunks may split lines (and CRLF pairs)
 * anywhere. EventSource would do this for us, but it cannot send an Authorization header, so the
 * console reads the stream with fetch and frames it here. Kept free of Angular so it is a plain
 * function of its input.
 */
export class SseParser {
  private buffer = '';
  /** A chunk ended in "\r": a "\n" opening the next chunk belongs to the same line end. */
  private pendingCr = false;
  private data: string[] = [];
  private eventName = '';
  private lastId: string | null = null;
  /** The server's `retry:` in milliseconds, when it sent one. */
  retryMs: number | null = null;

  /** Feeds decoded text; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const events: SseEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0) break;
      const line = this.buffer.slice(0, end);
      let next = end + 1;
      if (this.buffer[end] === '\r') {
        if (end + 1 === this.buffer.length) this.pendingCr = true;
        else if (this.buffer[end + 1] === '\n') next = end + 2;
      }
      this.buffer = this.buffer.slice(next);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** The last event id seen (what Last-Event-ID sends on reconnect). */
  get id(): string | null {
    return this.lastId;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null; // a comment: the server's keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.eventName = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        break; // unknown fields are ignored, as the format says
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const data = this.data;
    const event = this.eventName || 'message';
    this.data = [];
    this.eventName = '';
    // An event with no data is not dispatched (a lone `retry:` block, for one).
    return data.length ? { event, data: data.join('\n'), id: this.lastId } : null;
  }
}

/**
 * Reads `body` to its end, handing each event to `onEvent`. Resolves when the server closes the
 * stream; rejects when the connection breaks or `signal` aborts it.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  onEvent: (event: SseEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) onEvent(event);
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    }
    for (const event of parser.push(decoder.decode())) onEvent(event);
  } finally {
    signal.removeEventListener('abort', cancel);
    try {
      reader.releaseLock();
    } catch {
      // already released by the cancel
    }
  }
}
