import { applyDecorators } from '@nestjs/common';
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

/** The body of POST /appeals/{id}/actions/{action}: any action's fields, and the action itself if the client names it. */
export class CitizenActionRouteBodyDto extends ActionBodyDto {
  @ApiPropertyOptional({ enum: APPEAL_ACTIONS, enumName: 'AppealAction', description: 'The action of the path, when the client names it in the body too' })
  @IsOptional()
  @IsIn(APPEAL_ACTIONS)
  action?: AppealAction;
}

/** What every citizen action takes. */
abstract class CitizenActionBase {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why (shown in the history)' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  comment?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'The version of the appeal the client saw; a stale one is a 409 version_conflict' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** `action` in the body is optional (the path names it); a typed client that names it gets that action's body checked. */
function discriminator(action: AppealAction): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ enum: [action], description: 'The action of the path (optional)' }), IsOptional(), IsIn([action]));
}

export class WithdrawActionBody extends CitizenActionBase {
  @discriminator('withdraw') action?: 'withdraw';
}
export class CloseActionBody extends CitizenActionBase {
  @discriminator('close') action?: 'close';
}
export class MarkImportantActionBody extends CitizenActionBase {
  @discriminator('mark-important') action?: 'mark-important';
}
export class UnmarkImportantActionBody extends CitizenActionBase {
  @discriminator('unmark-important') action?: 'unmark-important';
}
export class RequestClarificationActionBody extends CitizenActionBase {
  @discriminator('request-clarification') action?: 'request-clarification';
}
export class CitizenReopenActionBody extends CitizenActionBase {
  @discriminator('reopen') action?: 'reopen';
}
export class EscalateActionBody extends CitizenActionBase {
  @discriminator('escalate') action?: 'escalate';
}

export class DisputeActionBody extends CitizenActionBase {
  @discriminator('dispute') action?: 'dispute';

  // Required (the schema says so); the dispute handler answers its absence with its own message.
  @ApiProperty({ maxLength: 10000, description: 'The grounds of the dispute' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(10000)
  text: string;
}

export class ResubmitActionBody extends CitizenActionBase {
  @discriminator('resubmit') action?: 'resubmit';

  @ApiPropertyOptional({ maxLength: 10000, description: 'The new text (default: the original text)' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(10000)
  text?: string;
}

/** Each route action's own body: the schema in openapi.json and what the runner checks. */
export const CITIZEN_ACTION_BODIES = {
  withdraw: WithdrawActionBody,
  close: CloseActionBody,
  'mark-important': MarkImportantActionBody,
  'unmark-important': UnmarkImportantActionBody,
  'request-clarification': RequestClarificationActionBody,
  reopen: CitizenReopenActionBody,
  dispute: DisputeActionBody,
  resubmit: ResubmitActionBody,
  escalate: EscalateActionBody,
} as const satisfies Record<AppealAction, new () => CitizenActionBase>;

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
