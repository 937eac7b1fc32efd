import { Writable } from 'node:stream';
import { SealJob, SealPool, sealPool } from './seal-pool';

/** Plaintext gathered into one block before it goes to a seal thread. */
export const SPOOL_BLOCK_BYTES = 256 * 1024;
/** Blocks of one upload at a seal thread at once; the next piece waits for one to come back. */
const BLOCKS_IN_FLIGHT = 2;

export interface SpoolKey {
  key: Buffer;
  /** The object's header (`OTK1 | iv`), written first and bound as associated data. */
  header: Buffer;
  ivOffset: number;
}

/**
 * The last stage of an upload, and its only one after the multipart parser: each plaintext piece
 * is first shown to `observe` (sniffer, size, the scanner — which may ask to wait) on the event
 * loop, then copied into a block of SPOOL_BLOCK_BYTES; each full block is handed (transferred,
 * not copied) to a seal thread (SealPool), which hashes it (SHA-256), encrypts it (AES-256-GCM)
 * and writes the ciphertext to `path` (created, 0600). So the event loop parses the requests
 * while the second core hashes, encrypts and writes, in fewer, larger steps. Backpressure holds:
 * a piece is acknowledged once at most BLOCKS_IN_FLIGHT blocks of this upload are at the thread,
 * so an upload holds at most three blocks. `sha256` (of the plaintext) is set when the stream
 * finishes. The file is closed when the stream finishes or is destroyed; removing it is the
 * caller's job (after 'close': a destroyed writer's thread has then let go of the file).
 */
export class SpoolWriter extends Writable {
  /** Hex SHA-256 of the plaintext, once finished. */
  sha256: string | null = null;
  private job: SealJob | null = null;
  private block: Buffer;
  private filled = 0;
  private readonly spare: ArrayBuffer[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;

  constructor(
    private readonly path: string,
    private readonly seal: SpoolKey,
    private readonly observe: (chunk: Buffer) => Promise<void> | void,
    private readonly blockBytes = SPOOL_BLOCK_BYTES,
    private readonly pool: SealPool = sealPool(),
  ) {
    super({ highWaterMark: 64 * 1024 });
    this.block = Buffer.from(new ArrayBuffer(blockBytes));
  }

  override _construct(callback: (error?: Error | null) => void): void {
    const job = this.pool.job();
    this.job = job;
    job.open(this.path, this.seal.key, this.seal.header, this.seal.ivOffset).then(
      () => callback(),
      (error: Error) => {
        this.job = null;
        void job.abort();
        callback(error);
      },
    );
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.take([chunk]).then(() => callback(), callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.take(chunks.map((c) => c.chunk)).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const job = this.job;
    if (!job) return callback(new Error('spool file is not open'));
    if (this.filled > 0) this.send();
    this.settle()
      .then(() => {
        this.job = null;
        return job.end();
      })
      .then(({ sha256 }) => {
        this.sha256 = sha256;
        callback();
      }, callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const job = this.job;
    this.job = null;
    if (!job) return callback(error);
    // The blocks at the thread come first (in order), then the file is closed there.
    void this.settle()
      .catch(() => undefined)
      .then(() => job.abort())
      .then(() => callback(error));
  }

  private async take(chunks: Buffer[]): Promise<void> {
    for (const chunk of chunks) {
      const waiting = this.observe(chunk);
      if (waiting) await waiting;
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(chunk.length - offset, this.blockBytes - this.filled);
        chunk.copy(this.block, this.filled, offset, offset + n);
        this.filled += n;
        offset += n;
        if (this.filled === this.blockBytes) {
          this.send();
          while (this.inFlight.size >= BLOCKS_IN_FLIGHT) await Promise.race(this.inFlight);
          if (this.failure) throw this.failure;
        }
      }
    }
    if (this.failure) throw this.failure;
  }

  /** The current block to the thread; a spare (or new) block to fill. */
  private send(): void {
    const job = this.job;
    if (!job) throw new Error('spool file is not open');
    const buffer = this.block.buffer as ArrayBuffer;
    const length = this.filled;
    const sent: Promise<void> = job.data(buffer, length).then(
      (back) => {
        this.inFlight.delete(sent);
        if (back && back.byteLength === this.blockBytes && this.spare.length < BLOCKS_IN_FLIGHT) this.spare.push(back);
      },
      (error: Error) => {
        this.inFlight.delete(sent);
        this.failure ??= error;
      },
    );
    this.inFlight.add(sent);
    this.block = Buffer.from(this.spare.pop() ?? new ArrayBuffer(this.blockBytes));
    this.filled = 0;
  }

  /** Waits for every block at the thread; throws the first failure. */
  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }
}
