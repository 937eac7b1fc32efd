import { ApiProperty } from '@nestjs/swagger';
import { AnswerVerificationFailure } from './answer-jws';
import type { AnswerFormat, AnswerVerification } from './answer-signer.service';

const FORMATS: AnswerFormat[] = ['json', 'xml', 'pdf'];

/** The answer of POST /answers/verify. Signing facts are given only for a valid document; otherwise null. */
export class AnswerVerificationDto {
  @ApiProperty({ description: 'The document is exactly as the body signed it, with a key of its key set' }) valid: boolean;
  @ApiProperty({ enum: FORMATS, enumName: 'AnswerDocumentFormat', nullable: true, description: 'Told by the content; null when it is none of them' })
  format: AnswerFormat | null;
  @ApiProperty({ nullable: true, type: String, description: 'The body that signed the answer' }) signedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When it was signed (the time of the answer)' }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The number of the appeal answered' }) appealNumber: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Id of the key that signed' }) keyId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'ABCD-EFGH-JKLM-NPQR', description: 'The code printed on the PDF; the same for the JSON, XML and PDF of one answer' })
  verificationCode: string | null;
  @ApiProperty({ enum: AnswerVerificationFailure, enumName: 'AnswerVerificationFailure', nullable: true, description: 'Why the document is not valid; null when valid' })
  reason: AnswerVerificationFailure | null;
}

export function toVerificationDto(v: AnswerVerification): AnswerVerificationDto {
  return {
    valid: v.valid,
    format: v.format ?? null,
    signedBy: v.signedBy ?? null,
    signedAt: v.signedAt ?? null,
    appealNumber: v.appealNumber ?? null,
    keyId: v.keyId ?? null,
    verificationCode: v.verificationCode ?? null,
    reason: v.reason ?? null,
  };
}
