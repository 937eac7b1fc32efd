import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { AnswerChannel, APPEAL_TEXT_PATTERN, AppealPriority, AppealType, INTAKE_APPEAL_TYPES, isValidOgrn, isValidOrganisationInn } from '@otklik/shared/domain';
import { IsCalendarDate } from '../../../common/validation/dates';
import { AttachmentIds } from '../../attachments/dto/attachment-ids';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Only Cyrillic/Latin letters, digits, punctuation and common symbols (DOMAIN.md intake rules). */
export function IsAppealText(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'text_charset',
      validator: {
        validate: (value) => typeof value === 'string' && APPEAL_TEXT_PATTERN.test(value),
        defaultMessage: () => 'only Cyrillic and Latin letters, digits and punctuation are allowed',
      },
    },
    options,
  );
}

export class ContactDto {
  @ApiPropertyOptional({ example: '+79161234567', description: 'Mobile phone, +7 and 10 digits' })
  @IsOptional()
  @IsString()
  @Matches(/^\+7\d{10}$/, { message: 'phone must be +7 followed by 10 digits' })
  phone?: string;

  @ApiPropertyOptional({ example: 'ivanov@example.ru' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false, require_tld: true })
  email?: string;

  @ApiPropertyOptional({ example: '101000, г. Москва, ул. Мясницкая, д. 1, кв. 2', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(500)
  @IsAppealText()
  address?: string;
}

/** A checksum rule on a string field (ИНН, ОГРН), error code `code`. */
function Checksum(code: string, check: (s: string) => boolean, message: string, options?: ValidationOptions) {
  return ValidateBy({ name: code, validator: { validate: (value) => typeof value === 'string' && check(value), defaultMessage: () => message } }, options);
}

/** A legal entity an appeal is filed for; its representative files it (the citizen, or the applicant an operator registers). */
export class OrganisationDto {
  @ApiProperty({ example: 'ООО «Ромашка»', maxLength: 300 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(300)
  @IsAppealText()
  name: string;

  @ApiProperty({ example: '7707083893', description: 'ИНН of the organisation: 10 digits with its check digit' })
  @IsString()
  @Checksum('org_inn_invalid', isValidOrganisationInn, 'ИНН must be 10 digits with a valid check digit')
  inn: string;

  @ApiProperty({ example: '1027700132195', description: 'ОГРН: 13 digits with its check digit' })
  @IsString()
  @Checksum('ogrn_invalid', (s) => /^\d{13}$/.test(s) && isValidOgrn(s), 'ОГРН must be 13 digits with a valid check digit')
  ogrn: string;

  @ApiPropertyOptional({ example: 'доверенность № 12 от 01.12.2026', maxLength: 300, description: "The representative's authority" })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(300)
  @IsAppealText()
  representativeBasis?: string;
}

export class CreateAppealDto {
  @ApiProperty({ enum: INTAKE_APPEAL_TYPES, enumName: 'IntakeAppealType' })
  @IsIn(INTAKE_APPEAL_TYPES as string[])
  type: AppealType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subcategoryId?: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(200)
  @IsAppealText()
  subject: string;

  @ApiProperty({ maxLength: 5000, description: 'The appeal text; at most 5000 characters after trimming' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(5000)
  @IsAppealText()
  text: string;

  @ApiPropertyOptional({ enum: AppealPriority, enumName: 'AppealPriority', default: AppealPriority.Normal })
  @IsOptional()
  @IsEnum(AppealPriority)
  priority?: AppealPriority;

  @ApiPropertyOptional({ format: 'date', description: 'Desired answer date (YYYY-MM-DD), today or later' })
  @IsOptional()
  @IsCalendarDate()
  desiredAnswerDate?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "Fields required by the category's JSON Schema" })
  @IsOptional()
  @IsObject()
  extraFields?: Record<string, unknown>;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ type: OrganisationDto, description: 'Filed for a legal entity, the author being its representative' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OrganisationDto)
  organisation?: OrganisationDto;

  @ApiPropertyOptional({
    enum: AnswerChannel,
    enumName: 'AnswerChannel',
    description: "How to deliver the answer; default: the profile's preferredAnswerChannel. post needs contact.address",
  })
  @IsOptional()
  @IsEnum(AnswerChannel)
  answerChannel?: AnswerChannel;

  @ApiPropertyOptional({ format: 'uuid', description: 'A gratitude only: the employee thanked, one of GET /me/thankable-staff' })
  @IsOptional()
  @IsUUID()
  thankedStaffId?: string;

  @ApiPropertyOptional({ description: 'Save as a draft (no number, not registered)', default: false })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;

  @AttachmentIds({ description: 'Ids of own unattached uploads (POST /attachments) to attach' })
  attachmentIds?: string[];
}

/** Edit of a draft or a registered appeal: any intake field, none required. */
export class UpdateAppealDto extends PartialType(OmitType(CreateAppealDto, ['draft', 'attachmentIds', 'organisation'] as const)) {}

export class CreateMessageDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(5000)
  @IsAppealText()
  text: string;

  @ApiPropertyOptional({ description: 'Staff only: an internal note the citizen never sees', default: false })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @AttachmentIds({ description: 'Ids of own unattached uploads to attach to the message' })
  attachmentIds?: string[];
}

/** «Добавить материалы»: more files for an open appeal, with an optional comment. */
export class AddMaterialsDto {
  @AttachmentIds({ description: 'Ids of own unattached uploads', required: true })
  attachmentIds: string[];

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  @IsAppealText()
  comment?: string;
}
