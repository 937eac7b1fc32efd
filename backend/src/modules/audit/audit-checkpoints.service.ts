import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '../../common/problem/domain-error';
import { exportCheckpoint } from './audit-checkpoint';
import { AuditChainRepository } from './audit-chain.repository';
import { consistencyProof } from './audit-merkle';
import { CheckpointListDto, ConsistencyProofDto } from './audit-chain.dto';

/** The signed checkpoints for export, and RFC 6962 consistency proofs between two of them. */
@Injectable()
export class AuditCheckpoints {
  constructor(private readonly chain: AuditChainRepository) {}

  async list(limit = 100, before?: number): Promise<CheckpointListDto> {
    return { items: (await this.chain.checkpoints(limit, before)).map(exportCheckpoint) };
  }

  /** PROOF(from, D[to]) over the stored row hashes: O(to) hashing, read in one pass. */
  async consistency(from: number, to: number): Promise<ConsistencyProofDto> {
    if (from > to) throw new ValidationFailedError([{ field: 'from', code: 'from_after_to', message: 'from must not be greater than to' }]);
    const [a, b] = await Promise.all([this.chain.checkpoint(from), this.chain.checkpoint(to)]);
    if (!a) throw new NotFoundError('audit_checkpoint');
    if (!b) throw new NotFoundError('audit_checkpoint');
    const proof = consistencyProof(await this.chain.rowHashes(0, to), from);
    return { from: exportCheckpoint(a), to: exportCheckpoint(b), proof: proof.map((p) => p.toString('hex')) };
  }
}
