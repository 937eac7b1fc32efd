import { ApiProperty } from '@nestjs/swagger';
import { AnswerResult } from '@otklik/shared/domain';
import { AnswerDraft, AnswerDraftState } from './answer-draft.entity';

/** One revision of the answer sent for approval, with the supervisor's decision on it. */
export class AnswerDraftDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '1, 2, … per appeal' }) revision: number;
  @ApiProperty({ enum: AnswerDraftState, enumName: 'AnswerDraftState' }) state: AnswerDraftState;
  @ApiProperty({ enum: AnswerResult, enumName: 'AnswerResult' }) result: AnswerResult;
  @ApiProperty() resultCode: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) executorPhone: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The uploads that go out with the answer' }) attachmentIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) authorId: string | null;
  @ApiProperty() authorName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: "The supervisor's remark when returned" }) remark: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
}

export function toAnswerDraftDto(d: AnswerDraft): AnswerDraftDto {
  return {
    id: d.id,
    revision: d.revision,
    state: d.state,
    result: d.result,
    resultCode: d.resultCode,
    text: d.text,
    reason: d.reason,
    executorPhone: d.executorPhone,
    attachmentIds: d.attachmentIds,
    authorId: d.authorId,
    authorName: d.authorName,
    createdAt: d.createdAt.toISOString(),
    remark: d.remark,
    decidedByName: d.decidedByName,
    decidedAt: d.decidedAt ? d.decidedAt.toISOString() : null,
  };
}
