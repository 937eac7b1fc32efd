import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DateRangePageQuery } from '../../common/pagination/page-query';
import { AuditEntry } from './audit-entry.entity';

export const AUDIT_DEFAULT_LIMIT = 50;

export class AuditQuery extends DateRangePageQuery {
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
}

// The shared range and page, documented as the audit log applies them: `to` is an instant (a bare
// date is its 00:00 UTC, excluded), and a page holds 50 entries unless `limit` says otherwise.
ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive); a date means its 00:00 UTC' })(AuditQuery.prototype, 'from');
ApiPropertyOptional({ format: 'date-time', description: 'Before this instant (exclusive); a date means its 00:00 UTC' })(AuditQuery.prototype, 'to');
ApiPropertyOptional({ default: AUDIT_DEFAULT_LIMIT })(AuditQuery.prototype, 'limit');

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
