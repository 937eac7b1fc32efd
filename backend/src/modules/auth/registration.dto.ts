import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/dates';

export class PdConsentDto {
  @ApiProperty({ description: 'Version of the personal-data processing consent text shown', example: '2026-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  version: string;

  @ApiProperty({ description: 'Must be true: a separate consent (152-ФЗ)' })
  @IsBoolean()
  accepted: boolean;
}

/** Citizen registration (DOMAIN.md «Registration requirements»). */
export class RegisterDto {
  @ApiProperty({ example: 'Иванова' }) @IsString() @IsNotEmpty() @MaxLength(100) lastName: string;
  @ApiProperty({ example: 'Мария' }) @IsString() @IsNotEmpty() @MaxLength(100) firstName: string;
  @ApiPropertyOptional({ example: 'Петровна' }) @IsOptional() @IsString() @MaxLength(100) middleName?: string;
  @ApiProperty({ format: 'date', example: '1990-05-17' }) @IsCalendarDate() birthDate: string;
  @ApiPropertyOptional({ description: 'СНИЛС: 112-233-445 95 or 11 digits; SNILS or INN is required', example: '112-233-445 95' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  snils?: string;
  @ApiPropertyOptional({ description: 'ИНН of the person (12 digits)', example: '500100732259' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  inn?: string;
  @ApiProperty({ description: 'Mobile phone +7XXXXXXXXXX', example: '+79161234567' }) @IsString() @MaxLength(20) phone: string;
  @ApiProperty({ example: 'maria@example.ru' }) @IsEmail({ allow_display_name: false }) @MaxLength(254) email: string;
  @ApiProperty({ format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(1024) password: string;
  @ApiProperty({ description: 'ALTCHA payload (base64) solving GET /auth/captcha' }) @IsString() @IsNotEmpty() @MaxLength(4000) captcha: string;
  // IsDefined: ValidateNested alone lets a missing object through (class-validator skips undefined).
  @ApiProperty({ type: PdConsentDto }) @IsDefined() @ValidateNested() @Type(() => PdConsentDto) pdConsent: PdConsentDto;
}

export class RegistrationStartedDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ example: '+7 916 ***-**-67' }) codeSentTo: string;
  @ApiProperty({ format: 'date-time', description: 'The registration lapses unless confirmed by then' }) expiresAt: string;
}

export class ConfirmRegistrationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registrationId: string;
  @ApiProperty({ example: '123456' }) @IsString() @IsNotEmpty() @MaxLength(32) code: string;
}

export class ResendRegistrationCodeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registrationId: string;
}
