import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AnswerSnippet } from './answer-snippet.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AnswerSnippetInputDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000, description: 'The text inserted at the cursor (placeholders as in templates: {{number}}, {{dueOn}}, …)' })
  @IsString() @IsNotEmpty() @MaxLength(5000)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The department allowed to use it; null: every department' })
  @IsOptional() @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  active?: boolean;
}

export class AnswerSnippetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty() active: boolean;
}

/** A snippet as the card inserts it: its placeholders filled for the appeal. */
export class SnippetViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
}

export const snippetDto = (s: AnswerSnippet): AnswerSnippetDto => ({ id: s.id, title: s.title, body: s.body, departmentId: s.departmentId, active: s.active });
