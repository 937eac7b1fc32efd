import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CHANNELS, NOTICE_KINDS } from '../catalogue/notice-kinds';
import type { Channel, Locale, NoticeKind } from '../catalogue/notice-kinds';
import { PLACEHOLDERS } from '../catalogue/notice-placeholders';

export const NOTICE_LANGUAGES = ['ru', 'en'] as const;

/** The longest subject and body an admin may write (an e-mail body is a few paragraphs). */
export const SUBJECT_MAX = 300;
export const BODY_MAX = 4000;

export class NoticeTemplateTextDto {
  @ApiProperty({ type: String, nullable: true, description: 'The e-mail subject, or the push / in-app title; null for SMS' }) subject: string | null;
  @ApiProperty() body: string;
}

export class NoticeTemplateOverrideDto extends NoticeTemplateTextDto {
  @ApiProperty({ description: 'Saves since the built-in text was last in use (every change is in the audit log, before → after)' }) version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedBy: string | null;
}

export class SmsSizeDto {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'], enumName: 'SmsEncoding' }) encoding: 'GSM-7' | 'UCS-2';
  @ApiProperty({ description: 'Segments the text costs' }) segments: number;
  @ApiProperty({ description: 'GSM-7 septets or UCS-2 code units' }) units: number;
  @ApiProperty({ description: 'The most segments a notice may cost' }) maxSegments: number;
}

/** One kind × channel × language: the built-in text (as a template), the admin's override if any, and what it may say. */
export class NotificationTemplateDto {
  @ApiProperty({ enum: NOTICE_KINDS, enumName: 'NoticeKind' }) kind: NoticeKind;
  @ApiProperty({ enum: CHANNELS, enumName: 'NoticeChannel' }) channel: Channel;
  @ApiProperty({ enum: NOTICE_LANGUAGES, enumName: 'NoticeLanguage' }) locale: Locale;
  @ApiProperty({ enum: ['citizen', 'staff'], enumName: 'NoticeAudience' }) audience: 'citizen' | 'staff';
  @ApiProperty({ description: 'Whether the channel has a subject (e-mail) or title (push, in-app)' }) hasSubject: boolean;
  @ApiProperty({ enum: PLACEHOLDERS, enumName: 'NoticePlaceholder', isArray: true, description: 'The {{placeholders}} this kind gives on this channel' })
  placeholders: string[];
  @ApiProperty({ type: NoticeTemplateTextDto, description: 'The built-in text written as a template (parts said only when a fact is there shown as if it were)' })
  builtIn: NoticeTemplateTextDto;
  @ApiProperty({ type: NoticeTemplateOverrideDto, nullable: true }) override: NoticeTemplateOverrideDto | null;
}

export class NotificationTemplateInputDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: SUBJECT_MAX, description: 'Required for e-mail, push and in-app; must be absent or null for SMS' })
  @IsOptional()
  @IsString()
  @MaxLength(SUBJECT_MAX)
  subject?: string | null;

  @ApiProperty({ maxLength: BODY_MAX, description: 'Plain text with {{placeholders}}; escaped in the e-mail HTML' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body: string;
}

export class NotificationTemplatePreviewInputDto {
  @ApiProperty({ enum: NOTICE_KINDS, enumName: 'NoticeKind' }) @IsIn(NOTICE_KINDS) kind: NoticeKind;
  @ApiProperty({ enum: CHANNELS, enumName: 'NoticeChannel' }) @IsIn(CHANNELS) channel: Channel;
  @ApiProperty({ enum: NOTICE_LANGUAGES, enumName: 'NoticeLanguage' }) @IsIn(NOTICE_LANGUAGES) locale: Locale;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: SUBJECT_MAX, description: 'A draft subject; with body absent, the saved text (override or built-in) is shown' })
  @IsOptional()
  @IsString()
  @MaxLength(SUBJECT_MAX)
  subject?: string | null;

  @ApiPropertyOptional({ maxLength: BODY_MAX, description: 'A draft body; absent: the saved text' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body?: string;
}

export class NotificationTemplatePreviewDto {
  @ApiProperty({ enum: CHANNELS, enumName: 'NoticeChannel' }) channel: Channel;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty({ description: 'The text as sent (e-mail: the plain-text part)' }) text: string;
  @ApiProperty({ type: String, nullable: true, description: 'The e-mail HTML part' }) html: string | null;
  @ApiProperty({ type: SmsSizeDto, nullable: true, description: 'SMS: what the text costs after fitting (at most two segments)' }) sms: SmsSizeDto | null;
  @ApiProperty({ type: SmsSizeDto, nullable: true, description: 'SMS: what the text would cost before fitting; above the limit the link is dropped and free values are cut' })
  smsUnfitted: SmsSizeDto | null;
}
