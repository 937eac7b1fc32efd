import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { APPEAL_PRIORITIES, AppealPriority } from '@otklik/shared/domain';
import { AppealMacro } from './appeal-macro.entity';
import { MACRO_STEPS, MacroStep } from './macro-step';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MACRO_DOCUMENTS_MAX_DAYS = 60;

export class AppealMacroInputDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The department allowed to use it; null: every department' })
  @IsOptional() @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: MacroStep,
    enumName: 'MacroStep',
    isArray: true,
    maxItems: MACRO_STEPS.length,
    description:
      'Staff actions in the order they run (each through the same rules as the action route); assign-to-me assigns the appeal to whoever applies the macro; ' +
      "set-priority and set-category reclassify it (the action reclassify) with the macro's priority / categoryId",
  })
  @IsOptional() @IsArray() @ArrayMaxSize(MACRO_STEPS.length) @ArrayUnique() @IsIn(MACRO_STEPS, { each: true })
  steps?: MacroStep[];

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String, description: "The comment of each action's history row (default: «Макрос «title»»)" })
  @IsOptional() @IsString() @Transform(trim) @MaxLength(2000)
  comment?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'request-documents: what the citizen must bring (required with that step)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(500, { each: true })
  documents?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MACRO_DOCUMENTS_MAX_DAYS, nullable: true, type: Number, description: 'request-documents: due in this many calendar days from the day the macro is applied (required with that step)' })
  @IsOptional() @IsInt() @Min(1) @Max(MACRO_DOCUMENTS_MAX_DAYS)
  documentsDueInDays?: number | null;

  @ApiPropertyOptional({ enum: AppealPriority, enumName: 'AppealPriority', nullable: true, description: 'set-priority: the priority it sets (required with that step)' })
  @IsOptional() @IsIn(APPEAL_PRIORITIES)
  priority?: AppealPriority | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'set-category: the category it sets, an active one (top-level or a subcategory; required with that step; 422 unknown_category). An appeal of a type it does not serve refuses the macro (422 category_type_mismatch, the step named)',
  })
  @IsOptional() @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String, description: 'An internal note (staff only) added after the actions' })
  @IsOptional() @IsString() @Transform(trim) @MaxLength(5000)
  note?: string | null;
}

export class AppealMacroDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: MacroStep, enumName: 'MacroStep', isArray: true }) steps: MacroStep[];
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ type: [String] }) documents: string[];
  @ApiProperty({ nullable: true, type: Number }) documentsDueInDays: number | null;
  @ApiProperty({ enum: AppealPriority, enumName: 'AppealPriority', nullable: true }) priority: AppealPriority | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

/** The body of applying a macro. */
export class ApplyMacroDto {
  @ApiPropertyOptional({ minimum: 1, description: 'The version of the appeal the client saw; a stale one is a 409 version_conflict' })
  @IsOptional() @IsInt() @Min(1)
  expectedVersion?: number;
}

export const macroDto = (m: AppealMacro): AppealMacroDto => ({
  id: m.id,
  title: m.title,
  departmentId: m.departmentId,
  active: m.active,
  steps: [...m.steps],
  comment: m.comment,
  documents: [...m.documents],
  documentsDueInDays: m.documentsDueInDays,
  priority: m.priority,
  categoryId: m.categoryId,
  note: m.note,
});
