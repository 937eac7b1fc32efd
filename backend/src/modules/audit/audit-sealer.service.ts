import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CTY_AUDIT_CHECKPOINT } from '../workflow/signing/answer-jws';
import { AnswerSigner } from '../workflow/signing/answer-signer.service';
import { checkpointStatement } from './audit-checkpoint';
import { AuditChainRepository } from './audit-chain.repository';
import { chainHash, GENESIS, MerkleFrontier } from './audit-merkle';

/** Rows sealed per statement (and per transaction). */
export const SEAL_BATCH = 5000;
/** How often the sealer checks that audit_log's coming monthly partitions exist. */
const PARTITION_CHECK_EVERY_MS = 3_600_000;

export interface SealReport {
  sealed: number;
  size: number;
  headHash: string | null;
  /** The checkpoint signed in this run, if one was due. */
  checkpoint: { size: number; merkleRoot: string } | null;
}

/**
 * Appends audit rows to the hash chain after they are written: writers only INSERT (no hash, no
 * lock, so a submit does not wait on the chain), and this sealer, one at a time cluster-wide
 * (advisory lock), takes the next rows of finished transactions in (txid, id) order, chains
 * them and, once per AUDIT_CHECKPOINT_INTERVAL_SECONDS (a minute by default), signs a checkpoint
 * of the head with its Merkle root.
 */
@Injectable()
export class AuditSealer {
  private readonly logger = new Logger(AuditSealer.name);
  /** Real time (not the test clock) of this process's last partition check; 0: at the first run. */
  private partitionsCheckedAt = 0;

  constructor(
    private readonly chain: AuditChainRepository,
    private readonly signer: AnswerSigner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seal(options: { checkpoint: 'due' | 'force' | 'never' } = { checkpoint: 'due' }): Promise<SealReport> {
    await this.ensurePartitionsIfDue();
    let sealed = 0;
    for (;;) {
      const n = await this.chain.sealing((m) => this.sealBatch(m));
      sealed += n;
      if (n < SEAL_BATCH) break;
    }
    const checkpoint = options.checkpoint === 'never' ? null : await this.chain.sealing((m) => this.checkpoint(m, options.checkpoint === 'force'));
    const head = await this.chain.head();
    if (sealed > 0) this.logger.debug({ sealed, size: head?.seq }, 'audit rows sealed');
    return { sealed, size: head?.seq ?? 0, headHash: head ? head.chainHash.toString('hex') : null, checkpoint };
  }

  /**
   * Hourly, the coming months' partitions of audit_log (by the database's clock; idempotent, and
   * cheap when they exist). A failure (a lock not had within its time-out) is retried next time:
   * rows go to the default partition meanwhile, so no insert fails.
   */
  async ensurePartitionsIfDue(force = false): Promise<string[]> {
    if (!force && Date.now() - this.partitionsCheckedAt < PARTITION_CHECK_EVERY_MS) return [];
    try {
      const created = await this.chain.ensurePartitions(this.config.auditChain.partitionMonthsAhead);
      this.partitionsCheckedAt = Date.now();
      if (created.length) this.logger.log({ created }, 'audit_log partitions created');
      return created;
    } catch (e) {
      this.logger.warn({ err: e }, 'audit_log partitions not checked; retried at the next run');
      return [];
    }
  }

  private async sealBatch(m: EntityManager): Promise<number> {
    const head = await this.chain.head(m);
    const rows = await this.chain.candidates(m, head, SEAL_BATCH);
    let previous = head?.chainHash ?? GENESIS;
    let seq = head?.seq ?? 0;
    const links = rows.map((r) => {
      previous = chainHash(previous, r.rowHash);
      return { seq: ++seq, rowId: r.id, txid: r.txid, rowHash: r.rowHash, chainHash: previous };
    });
    await this.chain.appendLinks(m, links);
    return links.length;
  }

  private async checkpoint(m: EntityManager, force: boolean): Promise<SealReport['checkpoint']> {
    const head = await this.chain.head(m);
    if (!head) return null;
    const last = await this.chain.latestCheckpoint(m);
    const now = this.clock.now();
    if (last && last.size >= head.seq) return null;
    if (!force && last && now.getTime() - last.createdAt.getTime() < this.config.auditChain.checkpointIntervalSeconds * 1000) return null;
    // The new root from the last checkpoint's frontier and the leaves sealed since.
    const frontier = last ? new MerkleFrontier(last.size, [...last.frontier]) : new MerkleFrontier();
    for (const h of await this.chain.rowHashes(frontier.size, head.seq, m)) frontier.push(h);
    const merkleRoot = frontier.root();
    const time = now.toISOString();
    const statement = { size: head.seq, headHash: head.chainHash.toString('hex'), merkleRoot: merkleRoot.toString('hex'), time };
    const { signature, keyId } = await this.signer.signStatement(checkpointStatement(statement), CTY_AUDIT_CHECKPOINT, time);
    await this.chain.insertCheckpoint(m, { size: head.seq, headHash: head.chainHash, merkleRoot, frontier: frontier.nodes, createdAt: now, keyId, signature });
    return { size: head.seq, merkleRoot: statement.merkleRoot };
  }
}
