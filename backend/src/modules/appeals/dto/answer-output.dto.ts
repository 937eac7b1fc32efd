import { ApiProperty } from '@nestjs/swagger';
import { AnswerResult } from '@otklik/shared/domain';

export class AnswerExecutorDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ nullable: true, type: String }) workPhone: string | null;
}

export class AnswerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AnswerResult, enumName: 'AnswerResult' }) result: AnswerResult;
  @ApiProperty() resultCode: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
  @ApiProperty({ type: AnswerExecutorDto }) executor: AnswerExecutorDto;
}

export class AnswerTemplateViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AnswerResult, enumName: 'AnswerResult', nullable: true }) result: AnswerResult | null;
  @ApiProperty({ description: 'The template text with this appeal’s placeholders filled in' }) text: string;
}
