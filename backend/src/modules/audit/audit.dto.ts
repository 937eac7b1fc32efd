import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsIP, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DateRangePageQuery, PageQuery } from '../../common/pagination/page-query';
import { ALERT_KINDS, ALERT_RESOLUTIONS, AlertKind, AlertResolution, AuditAlert } from './audit-alert.entity';
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

  @ApiPropertyOptional({ example: '203.0.113.7', description: 'The client address the action came from (exact)' })
  @IsOptional()
  @IsIP()
  ip?: string;
}

export class AuditExportQuery extends AuditQuery {
  @ApiPropertyOptional({ enum: ['csv', 'pdf'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'pdf'])
  format?: 'csv' | 'pdf';
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
  @ApiProperty({ nullable: true, type: String, description: 'The actor as they were then' }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String }) actorPosition: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorDepartmentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Whose personal data the action touched' }) subjectId: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Changed fields {field: {from, to}}, personal data masked' })
  changes: Record<string, unknown> | null;

  static from(e: AuditEntry): AuditEntryDto {
    return {
      id: String(e.id),
      occurredAt: e.occurredAt.toISOString(),
      actorId: e.actorId,
      actorRole: e.actorRole,
      actorName: e.actorName,
      actorPosition: e.actorPosition,
      actorDepartmentId: e.actorDepartmentId,
      subjectId: e.subjectId,
      ip: e.ip,
      userAgent: e.userAgent,
      requestId: e.requestId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      details: e.details,
      changes: e.changes,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AuditAlertQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], enumName: 'AuditAlertStatus' })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ enum: ALERT_KINDS, enumName: 'AuditAlertKind' })
  @IsOptional()
  @IsIn(ALERT_KINDS)
  kind?: AlertKind;
}

export class AuditAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_KINDS, enumName: 'AuditAlertKind' }) kind: AlertKind;
  @ApiProperty({ enum: ['open', 'resolved'], enumName: 'AuditAlertStatus' }) status: 'open' | 'resolved';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The account the signal concerns' }) subjectUserId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the signal saw (counts, window, network)' }) details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ format: 'date-time', description: 'The latest occurrence while the alert was open' }) lastSeenAt: string;
  @ApiProperty() occurrences: number;
  @ApiProperty({ description: 'The threshold locked the account pending review' }) accountLocked: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) resolvedBy: string | null;
  @ApiProperty({ enum: ALERT_RESOLUTIONS, enumName: 'AuditAlertResolution', nullable: true }) resolution: AlertResolution | null;
  @ApiProperty({ nullable: true, type: String }) resolutionNote: string | null;

  static from(a: AuditAlert): AuditAlertDto {
    return {
      id: a.id,
      kind: a.kind,
      status: a.resolvedAt ? 'resolved' : 'open',
      subjectUserId: a.subjectUserId,
      details: a.details,
      raisedAt: a.raisedAt.toISOString(),
      lastSeenAt: a.lastSeenAt.toISOString(),
      occurrences: a.occurrences,
      accountLocked: a.accountLocked,
      resolvedAt: a.resolvedAt ? a.resolvedAt.toISOString() : null,
      resolvedBy: a.resolvedBy,
      resolution: a.resolution,
      resolutionNote: a.resolutionNote,
    };
  }
}

export class AuditAlertPageDto {
  @ApiProperty({ type: [AuditAlertDto] }) items: AuditAlertDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ResolveAlertDto {
  @ApiProperty({ enum: ALERT_RESOLUTIONS, enumName: 'AuditAlertResolution' })
  @IsIn(ALERT_RESOLUTIONS)
  resolution: AlertResolution;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ description: "Unlock the account the alert locked (admin only)", default: false })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean;
}

export const PERSONAL_DATA_ACCESS_KINDS = ['view', 'reveal', 'download', 'preview', 'other'] as const;
export type PersonalDataAccessKind = (typeof PERSONAL_DATA_ACCESS_KINDS)[number];
const KIND_DESCRIPTION =
  'view: a staff member opened the appeal card (texts, masked contacts); reveal: contact details revealed; download / preview: a file opened';

/** One access to a citizen's personal data, as staff reviewing the log see it. */
export class PersonalDataAccessDto {
  @ApiProperty({ description: 'Sequence number of the audit row' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'personal_data.view', description: 'The audit action: appeal.viewed, personal_data.view (a reveal), attachment.download / attachment.preview' }) action: string;
  @ApiProperty({ enum: PERSONAL_DATA_ACCESS_KINDS, enumName: 'PersonalDataAccessKind', description: KIND_DESCRIPTION }) kind: PersonalDataAccessKind;
  @ApiProperty({ nullable: true, type: String, description: 'The appeal number the access was made for' }) appealNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reason the staff member gave' }) reason: string | null;
  @ApiProperty({ type: [String], description: 'What was revealed (field names, never values)' }) fields: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String }) actorPosition: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentName: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
}

export class PersonalDataAccessPageDto {
  @ApiProperty({ type: [PersonalDataAccessDto] }) items: PersonalDataAccessDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** One access to the citizen's own personal data, as the citizen sees it (152-ФЗ). */
export class MyPersonalDataAccessDto {
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'personal_data.view' }) action: string;
  @ApiProperty({ enum: PERSONAL_DATA_ACCESS_KINDS, enumName: 'PersonalDataAccessKind', description: KIND_DESCRIPTION }) kind: PersonalDataAccessKind;
  @ApiProperty({ nullable: true, type: String }) appealNumber: string | null;
  @ApiProperty({ type: [String], description: 'What was seen or revealed (field names)' }) fields: string[];
  @ApiProperty({ nullable: true, type: String, description: 'The department of the staff member' }) departmentName: string | null;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Staff name: only when the policy (PD_ACCESS_SHOW_STAFF_NAMES) allows; null otherwise' }) staffName: string | null;
}

export class MyPersonalDataAccessPageDto {
  @ApiProperty({ type: [MyPersonalDataAccessDto] }) items: MyPersonalDataAccessDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** Finding a citizen whose access log to read. */
export class CitizenSearchQuery {
  @ApiProperty({ minLength: 3, maxLength: 200, description: 'An exact e-mail, an exact phone (+7…, 8…), or a part of the name (at least 3 characters)', example: 'Иванов' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  q: string;
}

export class CitizenMatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'Masked (first character and domain)', example: 'i***@example.ru' }) email: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}

export class CitizenMatchListDto {
  @ApiProperty({ type: [CitizenMatchDto], description: 'At most 20, by name' }) items: CitizenMatchDto[];
}
