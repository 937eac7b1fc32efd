import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ExportedCheckpointDto } from './audit-checkpoint';
import { AuditChainProblem, VerifyReport } from './audit-verifier.service';

export const CHECKPOINTS_MAX_LIMIT = 1000;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

export class CheckpointsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: CHECKPOINTS_MAX_LIMIT, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CHECKPOINTS_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only checkpoints of fewer rows than this (the next page: the last size seen)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  before?: number;
}

export class CheckpointListDto {
  @ApiProperty({ type: [ExportedCheckpointDto], description: 'Newest first' }) items: ExportedCheckpointDto[];
}

export class ConsistencyQuery {
  @ApiProperty({ description: 'Size of the earlier checkpoint' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  from: number;

  @ApiProperty({ description: 'Size of the later checkpoint' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  to: number;
}

export class ConsistencyProofDto {
  @ApiProperty({ type: ExportedCheckpointDto }) from: ExportedCheckpointDto;
  @ApiProperty({ type: ExportedCheckpointDto }) to: ExportedCheckpointDto;
  @ApiProperty({ type: [String], description: 'RFC 6962 §2.1.2 PROOF(from, D[to]): node hashes, hex, in order' }) proof: string[];
}

export class VerifyQuery {
  @ApiPropertyOptional({ description: 'First seq to check (moved back to just after the nearest signed checkpoint)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  from?: number;

  @ApiPropertyOptional({ description: 'Last seq to check (default: the head)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  to?: number;
}

export class AuditRowSummaryDto {
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
}

export class AroundRowDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Chain position; null for a row not in the chain' }) seq: number | null;
  @ApiProperty() rowId: string;
  @ApiProperty({ type: AuditRowSummaryDto, nullable: true, description: 'null: the row is gone' }) row: AuditRowSummaryDto | null;
}

export class BrokenLinkDto {
  @ApiProperty({ enum: AuditChainProblem, enumName: 'AuditChainProblem' }) problem: AuditChainProblem;
  @ApiProperty({ nullable: true, type: Number }) seq: number | null;
  @ApiProperty({ nullable: true, type: String }) rowId: string | null;
  @ApiProperty() detail: string;
  @ApiProperty({ type: [AroundRowDto], description: 'The links around the break (two each side) with their rows' }) around: AroundRowDto[];
}

export class VerifyReportDto implements VerifyReport {
  @ApiProperty() ok: boolean;
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty() checked: number;
  @ApiProperty({ description: 'Links in the chain' }) size: number;
  @ApiProperty({ description: 'Rows written but not sealed yet' }) unsealed: number;
  @ApiProperty() checkpointsChecked: number;
  @ApiProperty() ms: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true }) firstBroken: BrokenLinkDto | null;
}
