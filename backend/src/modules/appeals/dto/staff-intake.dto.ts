import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsObject, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { AppealChannel, isValidSnils, STAFF_INTAKE_CHANNELS } from '@otklik/shared/domain';
import { IsDateOrInstant } from '../../../common/validation/dates';
import { CreateAppealDto, IsAppealText } from './appeal-input.dto';
import { AppealSummaryDto } from './appeal-output.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Who brought the appeal. An existing citizen is found by the blind index of the СНИЛС or the phone,
 * or by the e-mail; otherwise the applicant is a person without an account, whose name and contacts
 * are kept encrypted with the appeal (like the contact of any appeal).
 */
export class StaffApplicantDto {
  @ApiProperty({ example: 'Иванов Иван Иванович', maxLength: 200, description: 'ФИО (59-ФЗ: a surname is needed for an answer)' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(200)
  @IsAppealText()
  fullName: string;

  @ApiPropertyOptional({ example: '+79161234567', description: 'Mobile phone, +7 and 10 digits (the receipt goes by SMS to it)' })
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

  @ApiPropertyOptional({ example: '101000, г. Москва, ул. Мясницкая, д. 1, кв. 2', maxLength: 500, description: 'Postal address' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(500)
  @IsAppealText()
  address?: string;

  @ApiPropertyOptional({ example: '112-233-445 95', description: 'СНИЛС, to find the citizen\'s account' })
  @IsOptional()
  @IsString()
  @ValidateBy({ name: 'snils_invalid', validator: { validate: (v) => typeof v === 'string' && isValidSnils(v), defaultMessage: () => 'not a valid СНИЛС (check digits)' } })
  snils?: string;
}

/** An appeal received by phone, e-mail, post or in person, registered by an operator. */
export class StaffAppealInputDto extends OmitType(CreateAppealDto, ['draft', 'contact', 'desiredAnswerDate'] as const) {
  @ApiProperty({ enum: STAFF_INTAKE_CHANNELS, enumName: 'StaffIntakeChannel', description: 'How the appeal came' })
  @IsIn(STAFF_INTAKE_CHANNELS as string[])
  channel: AppealChannel;

  @ApiProperty({
    example: '2026-12-04T10:30:00+03:00',
    description: 'When the body received it (the statutory term counts from it): not in the future, not older than INTAKE_RECEIVED_MAX_AGE_DAYS',
  })
  @IsDateOrInstant()
  receivedAt: string;

  @ApiProperty({ type: StaffApplicantDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => StaffApplicantDto)
  applicant: StaffApplicantDto;

  @ApiPropertyOptional({ format: 'uuid', description: "A department of the operator's own scope; absent: the routing rules decide, and an appeal routed outside the scope goes to the general pool" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** The registered appeal and whom it was filed for. */
export class StaffAppealReceiptDto extends AppealSummaryDto {
  @ApiProperty({ enum: ['citizen', 'unregistered'], description: "A citizen's account found by СНИЛС, phone or e-mail, or an applicant without an account" })
  applicantKind: 'citizen' | 'unregistered';
}

/** «Объединить»: link a likely duplicate to this (main) appeal. */
export class MergeAppealDto {
  @ApiProperty({ description: 'The duplicate: id (UUID) or number; it keeps its number and gets the main appeal\'s answer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Matches(/^(?:\d{1,15}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, { message: 'duplicate must be an appeal id or number' })
  duplicate: string;
}

/** A postal answer marked printed. */
export class AnswerPrintedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ format: 'date-time', description: 'When it was printed (the first mark; a repeated mark changes nothing)' }) answerPrintedAt: string;
}
