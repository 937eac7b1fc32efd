import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { Role, STAFF_ROLES } from '@otklik/shared/domain';
import { PageQuery } from '../../../common/pagination/page-query';
import { SessionDto } from '../auth.dto';

export const STAFF_STATUSES = ['invited', 'active', 'locked'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];
const STAFF_ROLE_VALUES = [...STAFF_ROLES] as string[];

export class StaffAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ enum: STAFF_STATUSES, enumName: 'StaffStatus', description: 'invited: no password set yet; locked: sign-in refused and sessions ended' })
  status: StaffStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lockedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why: `admin` (locked by an admin) or the alert kind that locked it' }) lockReason: string | null;
  @ApiProperty({ description: 'A second factor is enrolled' }) mfaEnrolled: boolean;
  @ApiProperty({ type: [String], description: 'Networks (addresses or CIDRs) the account may work from; empty: anywhere' }) ipAllowList: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastSignInAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class StaffAccountDetailDto extends StaffAccountDto {
  @ApiProperty({ type: [SessionDto], description: 'Live sessions (refresh-token families), newest first' }) sessions: SessionDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the pending invitation expires (null: none pending)' }) invitationExpiresAt: string | null;
}

export class StaffAccountPageDto {
  @ApiProperty({ type: [StaffAccountDto] }) items: StaffAccountDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class StaffAccountQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'A part of the name or e-mail', maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLE_VALUES, enumName: 'StaffRole' }) @IsOptional() @IsIn(STAFF_ROLE_VALUES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') departmentId?: string;
  @ApiPropertyOptional({ enum: STAFF_STATUSES, enumName: 'StaffStatus' }) @IsOptional() @IsIn(STAFF_STATUSES) status?: StaffStatus;
}

export class StaffAccountInputDto {
  @ApiProperty({ example: 'i.petrova@body.gov.ru', maxLength: 254 }) @IsString() @MaxLength(254) @IsEmail() email: string;
  @ApiProperty({ example: 'Петрова Ирина Сергеевна', maxLength: 200 }) @IsString() @Length(1, 200) fullName: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) position?: string | null;
  @ApiProperty({ enum: STAFF_ROLE_VALUES, enumName: 'StaffRole' }) @IsIn(STAFF_ROLE_VALUES) role: Role;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Required for operators and supervisors; none for admins and auditors' })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string | null;
  @ApiPropertyOptional({ type: [String], example: ['10.0.0.0/8'], description: 'Addresses or CIDRs; empty: anywhere' })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ipAllowList?: string[];
}

export class StaffAccountPatchDto {
  @ApiPropertyOptional({ maxLength: 200 }) @ValidateIf((_, v) => v !== undefined) @IsString() @Length(1, 200) fullName?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) position?: string | null;
  @ApiPropertyOptional({ enum: STAFF_ROLE_VALUES, enumName: 'StaffRole', description: 'A change ends the account\u2019s sessions (the token carries the role)' })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(STAFF_ROLE_VALUES)
  role?: Role;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A change ends the account\u2019s sessions' })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Addresses or CIDRs; empty: anywhere. A change ends the account\u2019s sessions' })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ipAllowList?: string[];
}

export class StaffLockDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why (kept in the audit log)' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class AccountLinkSentDto {
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'The e-mail was handed to the mail server (false: delivery failed, send again)' }) mailed: boolean;
}

export class AccountLinkAcceptDto {
  @ApiProperty({ description: 'The token from the e-mailed link (the part after #)', maxLength: 200 }) @IsString() @Length(20, 200) token: string;
  @ApiProperty({ description: 'The new password (the password policy applies)', maxLength: 256 }) @IsString() @MaxLength(256) newPassword: string;
}

export class AccountLinkEnrolmentDto {
  @ApiProperty({ description: 'Short-lived, single-use token for POST /auth/mfa/enrolment/confirm' }) enrolmentToken: string;
  @ApiProperty() otpauthUri: string;
  @ApiProperty({ description: 'The otpauth URI as a PNG QR code data URL' }) qrDataUrl: string;
}

export class AccountLinkAcceptedDto {
  @ApiProperty({ description: 'The account\u2019s sign-in e-mail' }) email: string;
  @ApiPropertyOptional({ description: 'Present when the account must now enrol TOTP: confirm with POST /auth/mfa/enrolment/confirm, which signs in', nullable: true, type: () => AccountLinkEnrolmentDto })
  enrolment: AccountLinkEnrolmentDto | null;
}
