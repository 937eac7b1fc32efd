import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { AnswerSigner } from './answer-signer.service';
import { AnswerVerificationService } from './answer-verification.service';
import { AnswersVerifyController } from './answers-verify.controller';

/**
 * Signed answers: AnswerSigner renders an answer as signed JSON / XML / PDF (used by
 * GET /appeals/{id}/answer) and verifies such documents; POST /answers/verify is its public face.
 */
@Module({
  imports: [AuthModule],
  controllers: [AnswersVerifyController],
  providers: [AnswerSigner, AnswerVerificationService],
  exports: [AnswerSigner],
})
export class AnswerSigningModule {}
