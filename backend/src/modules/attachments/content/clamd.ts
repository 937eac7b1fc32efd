import { createConnection, Socket } from 'node:net';

export type ScanOutcome = { status: 'clean' } | { status: 'infected'; signature: string } | { status: 'failed'; error: string };

/** Chunks sent to clamd are at most this big (clamd's StreamMaxLength bounds the total). */
const MAX_CHUNK = 64 * 1024;

/**
 * One INSTREAM scan over clamd's unix socket, fed while the upload streams past: `zINSTREAM\0`,
 * then chunks each prefixed with its length (4 bytes, big-endian), then a zero length; clamd
 * answers `stream: OK`, `stream: <signature> FOUND` or `<message> ERROR`. A scanner that cannot
 * be reached or answers late makes the outcome `failed` — never the upload's failure.
 */
export class ClamdScan {
  private readonly socket: Socket;
  private failure: string | null = null;
  private reply = '';
  private readonly closed: Promise<void>;

  constructor(socketPath: string, private readonly timeoutMs: number) {
    this.socket = createConnection(socketPath);
    this.socket.setTimeout(timeoutMs, () => this.fail(`no answer from clamd in ${timeoutMs} ms`));
    this.socket.on('error', (error) => this.fail(error.message));
    this.socket.on('data', (d: Buffer) => (this.reply += d.toString('utf8')));
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.socket.write('zINSTREAM\0');
  }

  /** Sends a chunk; waits when the socket's buffer is full. Does nothing once the scan has failed. */
  async write(chunk: Buffer): Promise<void> {
    for (let offset = 0; offset < chunk.length && !this.failure; offset += MAX_CHUNK) {
      const part = chunk.subarray(offset, offset + MAX_CHUNK);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(part.length);
      this.socket.write(length);
      if (!this.socket.write(part)) await this.drained();
    }
  }

  async finish(): Promise<ScanOutcome> {
    if (!this.failure) this.socket.end(Buffer.alloc(4));
    await this.closed;
    if (this.failure) return { status: 'failed', error: this.failure };
    const answer = this.reply.replace(/\0+$/, '').trim();
    const found = /^stream: (.+) FOUND$/.exec(answer);
    if (found) return { status: 'infected', signature: found[1] };
    if (answer === 'stream: OK') return { status: 'clean' };
    return { status: 'failed', error: answer || 'clamd closed the connection without an answer' };
  }

  abort(): void {
    this.socket.destroy();
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }

  private fail(error: string): void {
    this.failure ??= error;
    this.socket.destroy();
  }
}
