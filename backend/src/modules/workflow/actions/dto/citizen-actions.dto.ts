import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Actions of POST /appeals/{id}/actions/{action}. */
export const APPEAL_ACTIONS = [
  'withdraw',
  'close',
  'mark-important',
  'unmark-important',
  'request-clarification',
  'reopen',
  'dispute',
  'resubmit',
  'escalate',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ActionParams {
  @ApiProperty()
  @IsString()
  idOrNumber: string;

  @ApiProperty({ enum: APPEAL_ACTIONS, enumName: 'AppealAction' })
  @IsIn(APPEAL_ACTIONS)
  action: AppealAction;
}

export class ActionBodyDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why (shown in the history)' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  comment?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: 'dispute: the grounds (required); resubmit: the new text (default: the original text)' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(10000)
  text?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'The version of the appeal the client saw; a stale one is a 409 version_conflict' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class RatingDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Satisfaction with the answer, 1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'A score below 3 with a comment puts the appeal on the supervisor re-review list' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(2000)
  comment?: string;
}
