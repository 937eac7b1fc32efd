import { ApiProperty } from '@nestjs/swagger';
import type { StoredCheckpoint } from './audit-chain.repository';

/**
 * A checkpoint as exported (GET /audit/checkpoints, `cli audit:checkpoints`): everything needed
 * to check it later without the database — the signed statement is rebuilt from these fields
 * and verified against the detached JWS (RS256, the answer-signing key set, `kid` in its header).
 */
export class ExportedCheckpointDto {
  @ApiProperty({ description: 'Rows in the chain at this checkpoint (the last seq)', example: 1234 }) size: number;
  @ApiProperty({ description: 'Chain hash at seq = size (hex SHA-256)' }) headHash: string;
  @ApiProperty({ description: 'RFC 6962 Merkle root over the first `size` row hashes (hex)' }) merkleRoot: string;
  @ApiProperty({ format: 'date-time' }) time: string;
  @ApiProperty({ description: 'Signing key id (kid)' }) keyId: string;
  @ApiProperty({ description: 'Detached JWS (`<header>..<signature>`) over the statement' }) signature: string;
}

export function exportCheckpoint(c: StoredCheckpoint): ExportedCheckpointDto {
  return { size: c.size, headHash: c.headHash.toString('hex'), merkleRoot: c.merkleRoot.toString('hex'), time: c.createdAt.toISOString(), keyId: c.keyId, signature: c.signature };
}

export const CHECKPOINT_TYPE = 'otklik.audit-checkpoint';

/** The signed bytes: a fixed-order JSON object (the same fields rebuild the same bytes). */
export function checkpointStatement(c: { size: number; headHash: string; merkleRoot: string; time: string }): Buffer {
  return Buffer.from(JSON.stringify({ type: CHECKPOINT_TYPE, size: c.size, headHash: c.headHash, merkleRoot: c.merkleRoot, time: c.time }), 'utf8');
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Checks the shape of an exported checkpoint read from a file; returns why not, or null. */
export function checkpointShapeProblem(c: unknown): string | null {
  if (!c || typeof c !== 'object') return 'not an object';
  const x = c as Record<string, unknown>;
  if (!Number.isSafeInteger(x.size) || (x.size as number) < 1) return 'size must be a positive integer';
  if (typeof x.headHash !== 'string' || !HEX64.test(x.headHash)) return 'headHash must be 64 hex digits';
  if (typeof x.merkleRoot !== 'string' || !HEX64.test(x.merkleRoot)) return 'merkleRoot must be 64 hex digits';
  if (typeof x.time !== 'string' || Number.isNaN(Date.parse(x.time))) return 'time must be an ISO instant';
  if (typeof x.keyId !== 'string' || typeof x.signature !== 'string') return 'keyId and signature must be strings';
  return null;
}
