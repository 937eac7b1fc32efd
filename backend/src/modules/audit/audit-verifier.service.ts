import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '../../common/problem/domain-error';
import { CTY_AUDIT_CHECKPOINT } from '../workflow/signing/answer-jws';
import { AnswerSigner } from '../workflow/signing/answer-signer.service';
import { checkpointShapeProblem, checkpointStatement, exportCheckpoint, ExportedCheckpointDto } from './audit-checkpoint';
import { AuditChainRepository, ChainLinkRow, StoredCheckpoint } from './audit-chain.repository';
import { chainHash, GENESIS, MerkleFrontier } from './audit-merkle';

/** Chain links read per statement; the next batch is fetched while this one is hashed. */
const VERIFY_BATCH = 50_000;

export enum AuditChainProblem {
  /** A chain link points at a row that is gone (deleted). */
  RowMissing = 'row_missing',
  /** The row's content no longer hashes to what was sealed (edited, or rows swapped). */
  RowAltered = 'row_altered',
  /** A link's chain hash does not follow from the one before (links edited, inserted or reordered). */
  LinkBroken = 'link_broken',
  /** A sequence number is missing or out of place (a link deleted or renumbered). */
  SeqGap = 'seq_gap',
  /** A row sits before the sealer's cursor but was never sealed: inserted behind the chain's back. */
  RowNotSealed = 'row_not_sealed',
  /** The chain at a checkpoint's size differs from the signed head or Merkle root: the past was rewritten. */
  CheckpointMismatch = 'checkpoint_mismatch',
  /** A checkpoint names more rows than the chain holds: its tail was cut off. */
  CheckpointBeyondChain = 'checkpoint_beyond_chain',
  /** A checkpoint's signature does not verify (or it is malformed). */
  CheckpointInvalid = 'checkpoint_invalid',
}

export interface AroundRow {
  seq: number | null;
  rowId: string;
  /** null: the row is gone. */
  row: { occurredAt: string; actorId: string | null; actorRole: string | null; action: string; entityType: string; entityId: string | null } | null;
}

export interface BrokenLink {
  problem: AuditChainProblem;
  seq: number | null;
  rowId: string | null;
  detail: string;
  around: AroundRow[];
}

export interface VerifyReport {
  ok: boolean;
  /** The range checked (seq); `from` is moved back to just after the nearest signed checkpoint. */
  from: number;
  to: number;
  checked: number;
  /** Links in the chain now. */
  size: number;
  /** Rows written but not sealed yet (the sealer runs every few seconds). */
  unsealed: number;
  checkpointsChecked: number;
  ms: number;
  firstBroken: BrokenLink | null;
}

export interface VerifyOptions {
  from?: number;
  to?: number;
  /** Checkpoints exported earlier and kept outside the database. */
  checkpoints?: unknown[];
}

interface Expected {
  size: number;
  headHash: Buffer;
  merkleRoot: Buffer;
  source: string;
  /** Stored checkpoints: their signature, checked when they disagree with the chain. */
  signature?: () => Promise<string | null>;
}

/**
 * Walks the chain in seq order, recomputing each row's hash from its canonical content (in
 * PostgreSQL, by the same SQL the sealer used) and each chain hash (here), and compares the head
 * and the RFC 6962 root at every checkpoint, stored and supplied. Stops at the first break.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly chain: AuditChainRepository,
    private readonly signer: AnswerSigner,
  ) {}

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
      throw new ValidationFailedError([{ field: 'from', code: 'from_after_to', message: 'from must not be greater than to' }]);
    }
    const started = performance.now();
    const head = await this.chain.head();
    const size = head?.seq ?? 0;
    const to = Math.min(options.to ?? size, size);
    const report: VerifyReport = { ok: true, from: 1, to, checked: 0, size, unsealed: await this.chain.unsealedCount(head), checkpointsChecked: 0, ms: 0, firstBroken: null };
    const done = async (broken: Omit<BrokenLink, 'around'> | null): Promise<VerifyReport> => {
      if (broken) report.firstBroken = { ...broken, around: await this.around(broken) };
      report.ok = !broken;
      report.ms = Math.round(performance.now() - started);
      return report;
    };

    const storedProblem = (c: StoredCheckpoint) => this.signatureProblem(exportCheckpoint(c));
    const invalid = (c: { size: number }, source: string, bad: string) =>
      done({ problem: AuditChainProblem.CheckpointInvalid, seq: c.size, rowId: null, detail: `${source} at ${c.size}: ${bad}` });

    // A stored checkpoint beyond the chain: its tail was cut off (or the checkpoint is forged).
    const latest = await this.chain.latestCheckpoint();
    if (latest && latest.size > size) {
      const bad = await storedProblem(latest);
      if (bad) return invalid(latest, 'stored checkpoint', bad);
      return done({ problem: AuditChainProblem.CheckpointBeyondChain, seq: size + 1, rowId: null, detail: `stored checkpoint at ${latest.size} but the chain ends at ${size}` });
    }

    // Start from the nearest stored checkpoint at or before `from` − 1 (its head and frontier are signed).
    let anchor: StoredCheckpoint | null = null;
    if (options.from && options.from > 1) anchor = await this.chain.checkpointAtOrBefore(Math.min(options.from - 1, size));
    if (anchor) {
      const bad = await storedProblem(anchor);
      if (bad) return invalid(anchor, 'stored checkpoint', bad);
    }
    const previous = anchor?.headHash ?? GENESIS;
    const frontier = anchor ? new MerkleFrontier(anchor.size, [...anchor.frontier]) : new MerkleFrontier();
    if (anchor && !frontier.root().equals(anchor.merkleRoot)) {
      return done({ problem: AuditChainProblem.CheckpointMismatch, seq: anchor.size, rowId: null, detail: `the stored frontier of the checkpoint at ${anchor.size} does not give its Merkle root` });
    }

    // Every stored checkpoint in the range is compared with the chain. Signatures are checked on
    // the newest (its head commits to every row before it, so a rewrite under an older one is
    // caught there as well) and on any that disagrees with the chain — not on each of the 1,440
    // a day; every supplied one is checked.
    const expected = new Map<number, Expected[]>();
    const add = (e: Expected): void => void expected.set(e.size, [...(expected.get(e.size) ?? []), e]);
    const stored = await this.chain.checkpointsBetween((anchor?.size ?? 0) + 1, to);
    if (stored.length) {
      const newest = stored[stored.length - 1];
      const bad = await storedProblem(newest);
      if (bad) return invalid(newest, 'stored checkpoint', bad);
    }
    for (const c of stored) add({ size: c.size, headHash: c.headHash, merkleRoot: c.merkleRoot, source: 'stored checkpoint', signature: () => storedProblem(c) });
    for (const [i, raw] of (options.checkpoints ?? []).entries()) {
      const shape = checkpointShapeProblem(raw);
      if (shape) return done({ problem: AuditChainProblem.CheckpointInvalid, seq: null, rowId: null, detail: `supplied checkpoint ${i + 1}: ${shape}` });
      const c = raw as ExportedCheckpointDto;
      const bad = await this.signatureProblem(c);
      if (bad) return invalid(c, 'supplied checkpoint', bad);
      if (c.size > size) return done({ problem: AuditChainProblem.CheckpointBeyondChain, seq: size + 1, rowId: null, detail: `supplied checkpoint at ${c.size} but the chain ends at ${size}` });
      if (c.size > (anchor?.size ?? 0) && c.size <= to) add({ size: c.size, headHash: Buffer.from(c.headHash, 'hex'), merkleRoot: Buffer.from(c.merkleRoot, 'hex'), source: 'supplied checkpoint' });
    }

    report.from = (anchor?.size ?? 0) + 1;
    const merkle = [...expected.keys()].some((s) => s > report.from - 1 && s <= to);

    // Two passes at once: PostgreSQL recomputes every row's hash against the sealed one (in
    // parallel, returning only the first mismatch), while the links stream here and each chain
    // hash, the Merkle frontier and the checkpoints are checked. The earlier break is reported.
    const rows = report.from <= to ? this.chain.firstMismatch(report.from, to, report.from === 1 && to === size) : Promise.resolve(null);
    const stray = head && to === size ? this.chain.strayRows(head, 1) : Promise.resolve([]);
    rows.catch(() => undefined);
    stray.catch(() => undefined);
    const chain = await this.walk(report, previous, frontier, expected, merkle, to);
    const row = await rows;
    if (row && (!chain || row.seq <= (chain.seq ?? Infinity))) {
      report.checked = row.seq - report.from;
      return done(
        row.missing
          ? { problem: AuditChainProblem.RowMissing, seq: row.seq, rowId: row.rowId, detail: `row ${row.rowId} sealed at seq ${row.seq} is gone` }
          : { problem: AuditChainProblem.RowAltered, seq: row.seq, rowId: row.rowId, detail: `row ${row.rowId} no longer has the content sealed at seq ${row.seq}` },
      );
    }
    if (chain) return done(chain);
    const strays = await stray;
    if (strays.length) return done({ problem: AuditChainProblem.RowNotSealed, seq: null, rowId: strays[0], detail: `row ${strays[0]} is not in the chain though rows written after it are: inserted behind the chain's back` });
    return done(null);
  }

  /** The links in order: seq, chain hash, checkpoints. Returns the first break, or null. */
  private async walk(report: VerifyReport, previous: Buffer, frontier: MerkleFrontier, expected: Map<number, Expected[]>, merkle: boolean, to: number): Promise<Omit<BrokenLink, 'around'> | null> {
    let expectSeq = report.from;
    let after = report.from - 1;
    let next: Promise<ChainLinkRow[]> | null = after < to ? this.chain.links(after, to, VERIFY_BATCH) : null;
    while (next) {
      const batch = await next;
      after = batch.length ? batch[batch.length - 1].seq : to;
      next = batch.length === VERIFY_BATCH && after < to ? this.chain.links(after, to, VERIFY_BATCH) : null;
      for (const e of batch) {
        if (e.seq !== expectSeq) return { problem: AuditChainProblem.SeqGap, seq: expectSeq, rowId: null, detail: `seq ${expectSeq} is missing (next is ${e.seq})` };
        const link = chainHash(previous, e.rowHash);
        if (!link.equals(e.chainHash)) return { problem: AuditChainProblem.LinkBroken, seq: e.seq, rowId: null, detail: `the chain hash at seq ${e.seq} does not follow from seq ${e.seq - 1}` };
        previous = link;
        if (merkle) frontier.push(e.rowHash);
        for (const x of expected.get(e.seq) ?? []) {
          report.checkpointsChecked++;
          if (!x.headHash.equals(link) || (merkle && !x.merkleRoot.equals(frontier.root()))) {
            const bad = await x.signature?.();
            if (bad) return { problem: AuditChainProblem.CheckpointInvalid, seq: e.seq, rowId: null, detail: `stored checkpoint at ${e.seq}: ${bad}` };
            return { problem: AuditChainProblem.CheckpointMismatch, seq: e.seq, rowId: null, detail: `the chain up to seq ${e.seq} is not the one the ${x.source} signed: rows at or before it were rewritten` };
          }
        }
        report.checked++;
        expectSeq++;
      }
    }
    if (expectSeq !== to + 1) return { problem: AuditChainProblem.SeqGap, seq: expectSeq, rowId: null, detail: `the chain ends at seq ${expectSeq - 1}, its head says ${to}` };
    return null;
  }

  private async signatureProblem(c: ExportedCheckpointDto): Promise<string | null> {
    const check = await this.signer.verifyStatement(checkpointStatement(c), c.signature, CTY_AUDIT_CHECKPOINT);
    if (!check.ok) return `signature: ${check.reason}`;
    if (check.header.kid !== c.keyId) return 'keyId differs from the signature';
    return null;
  }

  private async around(b: Omit<BrokenLink, 'around'>): Promise<AroundRow[]> {
    const view = (r: NonNullable<Awaited<ReturnType<AuditChainRepository['rowView']>>>): AroundRow['row'] => ({
      occurredAt: r.occurredAt.toISOString(),
      actorId: r.actorId,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
    });
    if (b.seq === null) {
      const r = b.rowId ? await this.chain.rowView(b.rowId) : null;
      return r ? [{ seq: null, rowId: r.id, row: view(r) }] : [];
    }
    const links = await this.chain.around(Math.max(1, b.seq - 2), b.seq + 2);
    return links.map((l) => ({ seq: l.seq, rowId: l.rowId, row: l.row ? view(l.row) : null }));
  }
}
