import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser (the text/event-stream format, read incrementally)', () => {
  it('frames events from chunks that split lines and CRLF pairs anywhere, skipping comments', () => {
    const sut = new SseParser();
    const text = 'retry: 3000\r\n\r\n: ping\r\nid: 41\r\nevent: notification\r\ndata: {"id":"41",\r\ndata: "kind":"queue_new"}\r\n\r\nevent: unread\ndata: {"unread": 2}\n\n';
    const events = [];
    // One character at a time: every possible split.
    for (const char of text) events.push(...sut.push(char));

    expect(events).toEqual([
      { event: 'notification', data: '{"id":"41",\n"kind":"queue_new"}', id: '41' },
      // The id carries over to later events that name none (what Last-Event-ID resends).
      { event: 'unread', data: '{"unread": 2}', id: '41' },
    ]);
    expect(sut.retryMs).toBe(3000);
    expect(sut.id).toBe('41');
  });

  it('keeps an unfinished event until its blank line; an event without data is not dispatched', () => {
    const sut = new SseParser();
    expect(sut.push('id: 7\nevent: notification\n\n')).toEqual([]);
    expect(sut.push('data:no space\ndata')).toEqual([]);
    expect(sut.push('\n\n')).toEqual([{ event: 'message', data: 'no space\n', id: '7' }]);
    expect(sut.push('data: x\r')).toEqual([]);
    expect(sut.push('\r')).toEqual([{ event: 'message', data: 'x', id: '7' }]);
  });
});
