import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsDateOrInstant } from '../../common/validation/dates';
import { AuditEntry } from './audit-entry.entity';

export class AuditQuery {
  @ApiPropertyOptional({ example: 'appeal' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'appeal.submitted', description: 'Exact action, or a prefix ending with "." (e.g. "auth.")' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Sequence number (grows with time)' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;

  static from(e: AuditEntry): AuditEntryDto {
    return {
      id: String(e.id),
      occurredAt: e.occurredAt.toISOString(),
      actorId: e.actorId,
      actorRole: e.actorRole,
      ip: e.ip,
      userAgent: e.userAgent,
      requestId: e.requestId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      details: e.details,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
