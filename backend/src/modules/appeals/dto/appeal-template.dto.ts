import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AnswerChannel, AppealPriority, AppealType } from '@otklik/shared/domain';
import { ContactDto, CreateAppealDto } from './appeal-input.dto';

/** The reusable fields of an appeal: what a template keeps and a prefill returns (no contacts, no files, no dates). */
export class AppealDraftInputDto extends PartialType(OmitType(CreateAppealDto, ['draft', 'attachmentIds', 'contact', 'desiredAnswerDate'] as const)) {}

export interface AppealDraft {
  type?: AppealType;
  categoryId?: string;
  subcategoryId?: string;
  subject?: string;
  text?: string;
  priority?: AppealPriority;
  extraFields?: Record<string, any>;
}

export class CreateAppealTemplateDto extends AppealDraftInputDto {
  @ApiProperty({ maxLength: 100, example: 'Ошибка оплаты' })
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    description: 'Start from an earlier appeal of mine (id or number): its fields, overridden by any given here',
    example: '1042',
  })
  @IsOptional()
  @IsString()
  @Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,15})$/i, { message: 'an appeal id (UUID) or number' })
  fromAppeal?: string;
}

export class AppealDraftDto {
  @ApiPropertyOptional({ enum: AppealType, enumName: 'AppealType' }) type?: AppealType;
  @ApiPropertyOptional({ format: 'uuid' }) categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) subcategoryId?: string;
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ enum: AppealPriority, enumName: 'AppealPriority' }) priority?: AppealPriority;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) extraFields?: Record<string, unknown>;
}

export class AppealTemplateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: AppealDraftDto }) draft: AppealDraftDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A new appeal's body, prefilled: post it to POST /appeals (after the citizen has read and changed it). */
export class AppealPrefillDto extends AppealDraftDto {
  @ApiProperty({ description: 'What it was filled from: profile, template:<id> or appeal:<id>' }) source: string;
  @ApiPropertyOptional({ type: ContactDto, description: "The citizen's confirmed contacts from the profile" }) contact?: ContactDto;
  @ApiPropertyOptional({ enum: AnswerChannel, enumName: 'AnswerChannel', description: 'The default channel of the answer (from the profile)' })
  answerChannel?: AnswerChannel;
}

export class AppealPrefillQuery {
  @ApiProperty({ description: 'profile, template:<template id> or appeal:<appeal id or number>', example: 'template:6f1c…' })
  @IsString()
  @MaxLength(60)
  @Matches(/^(profile|template:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|appeal:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,15}))$/i, {
    message: 'profile, template:<uuid> or appeal:<uuid or number>',
  })
  from: string;
}
