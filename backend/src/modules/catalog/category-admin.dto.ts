import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { AppealType, INTAKE_APPEAL_TYPES } from '@otklik/shared/domain';
import { TOTK_CODE } from './category-codes.service';

/** Absent is fine; null is not (for fields that cannot be cleared). */
const given = (_: object, value: unknown) => value !== undefined;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A category as the administration sees it, retired ones included. */
export class AdminCategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The parent category of a subcategory' }) parentId: string | null;
  @ApiProperty() code: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ type: String, nullable: true, example: '0003.0011.0120.0709', description: 'ТОТК classifier code' }) totkCode: string | null;
  @ApiProperty({ enum: AppealType, enumName: 'AppealType', isArray: true, description: 'Appeal types the category serves' }) appealTypes: AppealType[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Department its appeals are routed to; null → the parent’s, else the general pool' }) departmentId: string | null;
  @ApiProperty() priority: boolean;
  @ApiProperty({ description: 'Position among its siblings' }) sortOrder: number;
  @ApiProperty({ description: 'False once retired: not offered for filing; appeals filed under it keep it' }) active: boolean;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'Current JSON Schema of the extra fields' }) extraFieldsSchema: Record<string, unknown> | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Version of extraFieldsSchema; appeals record the version they were filed under' }) schemaVersion: number | null;
}

export class CreateCategoryDto {
  @ApiProperty({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', example: 'land_plots', description: 'Stable code (reports, Open311); cannot be changed later' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'code must be lowercase letters, digits, _ or -, at most 64' })
  code: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameRu: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameEn: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Makes it a subcategory of this top-level category' })
  @IsOptional() @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ enum: AppealType, enumName: 'AppealType', isArray: true, nullable: true, description: 'Null or absent: every intake type except gratitude' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(INTAKE_APPEAL_TYPES, { each: true })
  appealTypes?: AppealType[] | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean()
  priority?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0003.0011.0120.0709' })
  @IsOptional() @Matches(TOTK_CODE, { message: 'totkCode must be four-digit groups separated by dots (0003.0011.0120.0709)' })
  totkCode?: string | null;

  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true, description: 'JSON Schema of the extra fields (becomes version 1)' })
  @IsOptional() @IsObject()
  extraFieldsSchema?: Record<string, unknown> | null;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ maxLength: 200 }) @ValidateIf(given) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameRu?: string;

  @ApiPropertyOptional({ maxLength: 200 }) @ValidateIf(given) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  nameEn?: string;

  @ApiPropertyOptional({ enum: AppealType, enumName: 'AppealType', isArray: true, nullable: true, description: 'Null: every intake type except gratitude' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(INTAKE_APPEAL_TYPES, { each: true })
  appealTypes?: AppealType[] | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Null: the parent’s department, else the general pool' })
  @ValidateIf((_, v) => v !== null) @IsOptional() @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional() @ValidateIf(given) @IsBoolean()
  priority?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== null) @IsOptional() @Matches(TOTK_CODE, { message: 'totkCode must be four-digit groups separated by dots (0003.0011.0120.0709)' })
  totkCode?: string | null;
}

export class CategorySchemaInputDto {
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'JSON Schema (type object) of the extra fields; null removes them. A different schema becomes a new version; the same one changes nothing.',
  })
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  schema: Record<string, unknown> | null;
}

export class CategorySchemaVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) schema: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
}

export class ReorderCategoriesDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Whose children are reordered; null: the top-level categories' })
  @ValidateIf((_, v) => v !== null) @IsUUID()
  parentId: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Every child of the parent (retired ones too), in the new order' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ArrayUnique() @IsUUID(undefined, { each: true })
  ids: string[];
}

export class CategoryOrderDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) ids: string[];
}

export class CategoryIdParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

export const CATEGORY_LIMITS = { schemaBytes: 32_768, schemaDepth: 8, fields: 100 } as const;
