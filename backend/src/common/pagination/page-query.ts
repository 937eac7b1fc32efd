import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDateOrInstant } from '../validation/dates';
import { DEFAULT_LIMIT } from './cursor';

export const MAX_LIMIT = 100;
/**
 * Longer than any cursor the API hands out (the longest, an event delivery's, encodes an instant,
 * an event id and a consumer name of up to 63 characters: under 170), short enough that a
 * pasted blob is refused before it is decoded. Was 100, 200 and 500 in three DTOs.
 */
export const CURSOR_MAX_LENGTH = 200;

/** `?limit=&cursor=` of every keyset-paged list. Services apply `limit ?? DEFAULT_LIMIT`. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;
}

/** A paged list filtered by `?from=&to=`, each a strict calendar date or an ISO-8601 instant. */
export class DateRangePageQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'From this date or instant (inclusive)', example: '2026-01-01' })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this date (inclusive) or instant (exclusive)', example: '2026-12-31' })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;
}
