import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDefined, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CHANNELS, NOTICE_KINDS } from '../catalogue/notice-kinds';
import type { Channel, Locale, NoticeKind } from '../catalogue/notice-kinds';
import type { Digest } from './notification-preference.entity';

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export class QuietHoursDto {
  @ApiProperty({ example: '22:00', description: 'Local time (HH:MM) SMS and push start waiting' })
  @IsString()
  @Matches(HHMM, { message: 'must be HH:MM' })
  from: string;

  @ApiProperty({ example: '08:00', description: 'Local time (HH:MM) they go out again' })
  @IsString()
  @Matches(HHMM, { message: 'must be HH:MM' })
  to: string;
}

export class ChannelSwitchesDto {
  @ApiProperty() in_app: boolean;
  @ApiProperty() email: boolean;
  @ApiProperty() sms: boolean;
  @ApiProperty() push: boolean;
}

export class ChannelSwitchesUpdateDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() in_app?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sms?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() push?: boolean;
}

export class KindPreferenceDto {
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty({ description: 'The law requires this notice: at least one channel stays on' }) required: boolean;
  @ApiProperty({ type: ChannelSwitchesDto }) channels: ChannelSwitchesDto;
}

export class KindPreferenceUpdateDto {
  @ApiProperty({ enum: NOTICE_KINDS })
  @IsIn(NOTICE_KINDS)
  kind: NoticeKind;

  @ApiProperty({ type: ChannelSwitchesUpdateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelSwitchesUpdateDto)
  channels: ChannelSwitchesUpdateDto;
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: ['ru', 'en'] }) locale: Locale;
  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA time zone quiet hours and digests are counted in' }) timeZone: string;
  @ApiProperty({ type: QuietHoursDto, nullable: true }) quietHours: QuietHoursDto | null;
  @ApiProperty({ enum: ['off', 'hourly', 'daily'], description: 'Staff: e-mail, SMS and push in one digest instead of one message per event' }) digest: Digest;
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Channels this account can be reached on now (an address, a confirmed phone, a device)' }) reachable: Channel[];
  @ApiProperty({ type: [KindPreferenceDto] }) kinds: KindPreferenceDto[];
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ enum: ['ru', 'en'] })
  @IsOptional()
  @IsIn(['ru', 'en'])
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Asia/Yekaterinburg' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'null turns quiet hours off' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({ enum: ['off', 'hourly', 'daily'] })
  @IsOptional()
  @IsIn(['off', 'hourly', 'daily'])
  digest?: Digest;

  @ApiPropertyOptional({ type: [KindPreferenceUpdateDto] })
  @IsOptional()
  @ArrayMaxSize(NOTICE_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => KindPreferenceUpdateDto)
  kinds?: KindPreferenceUpdateDto[];
}
