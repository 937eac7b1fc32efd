import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { Sealer } from './attachment-cipher';

/** Encrypted bytes gathered before one write to the spool file. */
export const SPOOL_BATCH_BYTES = 256 * 1024;

/**
 * The last stage of an upload, and its only one after the multipart parser: each plaintext piece
 * is first shown to `observe` (sniffer, SHA-256, size, the scanner — which may ask to wait), then
 * encrypted by `sealer`, and the ciphertext goes to `path` (created, 0600) in batches of about
 * SPOOL_BATCH_BYTES with one positional writev each. One pass over the bytes, no Transform hops,
 * no per-piece file writes; backpressure holds: a piece is acknowledged only once its batch is
 * written (and the scanner took it), so at most a batch and the stream's buffer are in memory.
 * The file is closed when the stream finishes or is destroyed; removing it is the caller's job.
 */
export class SpoolWriter extends Writable {
  private handle: FileHandle | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private position = 0;

  constructor(
    private readonly path: string,
    private readonly sealer: Sealer,
    private readonly observe: (chunk: Buffer) => Promise<void> | void,
    private readonly batchBytes = SPOOL_BATCH_BYTES,
  ) {
    super({ highWaterMark: 64 * 1024 });
    this.queue(sealer.header);
  }

  override _construct(callback: (error?: Error | null) => void): void {
    open(this.path, 'wx', 0o600).then((handle) => {
      this.handle = handle;
      callback();
    }, callback);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.take([chunk]).then(() => callback(), callback);
  }

  /** Pieces that piled up while a batch was being written: taken together, one write at most. */
  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.take(chunks.map((c) => c.chunk)).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const handle = this.handle;
    this.queue(this.sealer.final());
    this.flush()
      .then(() => {
        this.handle = null;
        return handle?.close();
      })
      .then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const handle = this.handle;
    this.handle = null;
    this.pending = [];
    if (!handle) return callback(error);
    handle.close().then(
      () => callback(error),
      () => callback(error),
    );
  }

  private async take(chunks: Buffer[]): Promise<void> {
    for (const chunk of chunks) {
      const waiting = this.observe(chunk);
      if (waiting) await waiting;
      this.queue(this.sealer.update(chunk));
    }
    if (this.pendingBytes >= this.batchBytes) await this.flush();
  }

  private queue(data: Buffer): void {
    if (data.length === 0) return;
    this.pending.push(data);
    this.pendingBytes += data.length;
  }

  private async flush(): Promise<void> {
    let buffers = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const handle = this.handle;
    if (!handle) throw new Error('spool file is not open');
    while (buffers.length > 0) {
      const { bytesWritten } = await handle.writev(buffers, this.position);
      if (bytesWritten === 0) throw new Error('spool file write made no progress');
      this.position += bytesWritten;
      buffers = rest(buffers, bytesWritten);
    }
  }
}

/** What a partial writev left of `buffers` after `written` bytes. */
function rest(buffers: Buffer[], written: number): Buffer[] {
  let skip = written;
  let i = 0;
  while (i < buffers.length && skip >= buffers[i].length) skip -= buffers[i++].length;
  if (i === buffers.length) return [];
  return [buffers[i].subarray(skip), ...buffers.slice(i + 1)];
}
