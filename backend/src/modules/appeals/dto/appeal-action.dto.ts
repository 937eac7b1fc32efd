import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { APPEAL_ACTIONS, AppealAction } from '../appeal-intake.service';

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
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(1000)
  comment?: string;
}

export class RevealContactDto {
  @ApiProperty({ maxLength: 500, description: 'Why the contact details are needed (kept in the audit log)', example: 'Звонок заявителю для уточнения адреса' })
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
