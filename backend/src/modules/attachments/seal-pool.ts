import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The thread side of a seal job, plain JavaScript evaluated in each worker (no file to find from
 * dist/ or from ts-jest). Messages of one job arrive in order: `open` creates the spool file (wx,
 * 0600) and writes the object's header; each `data` block is hashed (SHA-256 of the plaintext),
 * encrypted (AES-256-GCM, the header as associated data) and written at the next position, and its
 * buffer goes back to the sender for reuse; `end` writes the last bytes and the tag, closes the
 * file and answers the digest; `abort` closes the file. Writes are synchronous: they are this
 * thread's work, off the event loop that parses the requests.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv, createHash } = require('node:crypto');
const { closeSync, openSync, writeSync } = require('node:fs');
const jobs = new Map();
// Each block's ciphertext is a new buffer, garbage once written; this thread allocates almost no
// JavaScript, so V8 would collect them only after ~64 MB of them (its external-memory trigger).
// A minor collection every COLLECT_BYTES keeps that garbage (the process's RSS) small.
const COLLECT_BYTES = 8 * 1024 * 1024;
require('node:v8').setFlagsFromString('--expose-gc');
const collect = require('node:vm').runInNewContext('gc');
require('node:v8').setFlagsFromString('--no-expose-gc');
let written = 0;
function writeAll(job, data) {
  written += data.length;
  let offset = 0;
  while (offset < data.length) {
    const written = writeSync(job.fd, data, offset, data.length - offset, job.position);
    if (written === 0) throw new Error('spool file write made no progress');
    offset += written;
    job.position += written;
  }
}
function drop(id) {
  const job = jobs.get(id);
  if (!job) return;
  jobs.delete(id);
  try { closeSync(job.fd); } catch {}
}
parentPort.on('message', (m) => {
  try {
    if (m.op === 'open') {
      const header = Buffer.from(m.header.buffer, m.header.byteOffset, m.header.byteLength);
      const fd = openSync(m.path, 'wx', 0o600);
      const job = { fd, position: 0, hash: createHash('sha256'), cipher: null };
      jobs.set(m.id, job);
      job.cipher = createCipheriv('aes-256-gcm', Buffer.from(m.key.buffer, m.key.byteOffset, m.key.byteLength), header.subarray(m.ivOffset));
      job.cipher.setAAD(header);
      writeAll(job, header);
      parentPort.postMessage({ seq: m.seq });
    } else if (m.op === 'data') {
      const job = jobs.get(m.id);
      if (!job) throw new Error('seal job ' + m.id + ' is not open');
      const block = Buffer.from(m.buffer, 0, m.length);
      job.hash.update(block);
      writeAll(job, job.cipher.update(block));
      parentPort.postMessage({ seq: m.seq, buffer: m.buffer }, [m.buffer]);
      if (written >= COLLECT_BYTES) {
        written = 0;
        collect({ type: 'minor' });
      }
    } else if (m.op === 'end') {
      const job = jobs.get(m.id);
      if (!job) throw new Error('seal job ' + m.id + ' is not open');
      writeAll(job, Buffer.concat([job.cipher.final(), job.cipher.getAuthTag()]));
      jobs.delete(m.id);
      closeSync(job.fd);
      parentPort.postMessage({ seq: m.seq, sha256: job.hash.digest('hex'), bytes: job.position });
    } else if (m.op === 'abort') {
      drop(m.id);
      parentPort.postMessage({ seq: m.seq });
    }
  } catch (error) {
    drop(m.id);
    parentPort.postMessage({ seq: m.seq, error: { message: String((error && error.message) || error), code: error && error.code } });
  }
});
`;

interface Reply {
  seq: number;
  buffer?: ArrayBuffer;
  sha256?: string;
  bytes?: number;
  error?: { message: string; code?: string };
}

interface Pending {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

/** One worker thread and what was asked of it. */
class SealThread {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  /** Open jobs: the thread keeps the process alive only while it has some. */
  jobs = 0;
  dead = false;

  constructor(onDeath: (thread: SealThread) => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.seq);
      if (!waiting) return;
      this.pending.delete(reply.seq);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
      else waiting.resolve(reply);
    });
    const die = (error: Error): void => {
      if (this.dead) return;
      this.dead = true;
      onDeath(this);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`seal thread exited (code ${code})`)));
  }

  acquire(): void {
    if (this.jobs++ === 0) this.worker.ref();
  }

  release(): void {
    if (--this.jobs === 0) this.worker.unref();
  }
}

/**
 * Worker threads that hash, encrypt and write uploads (SpoolWriter's blocks), so that the event
 * loop only parses the requests: on this project's two-core machine, one thread beside the main
 * one. Threads start on the first upload; one that dies fails its jobs and is replaced by the next.
 */
export class SealPool {
  private readonly threads: SealThread[] = [];
  private seq = 0;
  private jobId = 0;

  constructor(private readonly size = defaultSealThreads()) {}

  /** A new job on the least busy thread (a new thread while the pool is not full). */
  job(): SealJob {
    let thread = this.threads.find((t) => t.jobs === 0);
    if (!thread && this.threads.length < this.size) {
      thread = new SealThread((dead) => this.threads.splice(this.threads.indexOf(dead) >>> 0, 1));
      this.threads.push(thread);
    }
    thread ??= this.threads.reduce((a, b) => (b.jobs < a.jobs ? b : a));
    return new SealJob(this, thread, ++this.jobId);
  }

  /** @internal one message to `thread`, answered in order with the others of its job. */
  call(thread: SealThread, message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (thread.dead) return Promise.reject(new Error('seal thread exited'));
    const seq = ++this.seq;
    return new Promise<Reply>((resolve, reject) => {
      thread.pending.set(seq, { resolve, reject });
      thread.worker.postMessage({ ...message, seq }, transfer);
    });
  }

  /** Stops every thread (tests; the process's exit does it otherwise). */
  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

/** One object's seal on one thread: open, data blocks in order, then end or abort. */
export class SealJob {
  private released = false;

  constructor(
    private readonly pool: SealPool,
    private readonly thread: SealThread,
    private readonly id: number,
  ) {
    thread.acquire();
  }

  async open(path: string, key: Buffer, header: Buffer, ivOffset: number): Promise<void> {
    // Copies of their own: a view's whole ArrayBuffer (maybe Buffer's shared pool) would be cloned.
    await this.pool.call(this.thread, { op: 'open', id: this.id, path, key: new Uint8Array(key), header: new Uint8Array(header), ivOffset });
  }

  /** Sends `length` bytes of `buffer` (transferred: unusable here until the promise gives it back). */
  async data(buffer: ArrayBuffer, length: number): Promise<ArrayBuffer | undefined> {
    return (await this.pool.call(this.thread, { op: 'data', id: this.id, buffer, length }, [buffer])).buffer;
  }

  async end(): Promise<{ sha256: string; bytes: number }> {
    try {
      const reply = await this.pool.call(this.thread, { op: 'end', id: this.id });
      return { sha256: reply.sha256!, bytes: reply.bytes! };
    } finally {
      this.release();
    }
  }

  async abort(): Promise<void> {
    try {
      await this.pool.call(this.thread, { op: 'abort', id: this.id });
    } catch {
      // A dead thread's files are closed with it.
    } finally {
      this.release();
    }
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.thread.release();
  }
}

function defaultSealThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

let shared: SealPool | undefined;

/** The process's pool (threads start on the first upload). */
export function sealPool(): SealPool {
  return (shared ??= new SealPool());
}
