import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { RetentionDestruction } from './retention-destruction.entity';

export const RETENTION_MODES = ['anonymise', 'delete'] as const;
export type RetentionMode = (typeof RETENTION_MODES)[number];

export class RetentionRuleDto {
  @ApiProperty({ minimum: 1, maximum: 75, example: 5, description: 'Years after an appeal is closed that its personal data are kept' }) years: number;
  @ApiProperty({ enum: RETENTION_MODES, enumName: 'RetentionMode', description: 'anonymise: the appeal stays, its personal data go; delete: the appeal goes' }) mode: RetentionMode;
}

export class RetentionSettingsDto extends RetentionRuleDto {
  @ApiProperty({ enum: ['configuration', 'admin'], enumName: 'RetentionSettingsSource', description: 'configuration: RETENTION_YEARS / RETENTION_MODE; admin: set over this API' })
  source: 'configuration' | 'admin';
  @ApiProperty({ type: RetentionRuleDto, description: 'What the configuration says (applies while no admin has set the rule)' }) configured: RetentionRuleDto;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
}

export class RetentionSettingsInputDto {
  @ApiProperty({ minimum: 1, maximum: 75, example: 5 })
  @IsInt()
  @Min(1)
  @Max(75)
  years: number;

  @ApiProperty({ enum: RETENTION_MODES, enumName: 'RetentionMode' })
  @IsIn(RETENTION_MODES)
  mode: RetentionMode;
}

/** A destruction record (акт): which appeal, when, by which rule — no personal data. */
export class RetentionDestructionDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The appeal number' }) number: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) destroyedAt: string;
  @ApiProperty({ enum: ['anonymised', 'deleted'], enumName: 'RetentionDestructionMode' }) mode: 'anonymised' | 'deleted';
  @ApiProperty({ example: 'system:retention', description: 'Who destroyed: the retention job' }) actor: string;
  @ApiProperty({ description: 'The rule applied: years of retention after closing' }) retentionYears: number;

  static of(d: RetentionDestruction): RetentionDestructionDto {
    return {
      id: d.id,
      appealId: d.appealId,
      number: d.number === null ? null : Number(d.number),
      closedAt: d.closedAt ? new Date(d.closedAt).toISOString() : null,
      destroyedAt: new Date(d.destroyedAt).toISOString(),
      mode: d.mode,
      actor: d.actor,
      retentionYears: d.retentionYears,
    };
  }
}

export class RetentionDestructionPageDto {
  @ApiProperty({ type: [RetentionDestructionDto] }) items: RetentionDestructionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
