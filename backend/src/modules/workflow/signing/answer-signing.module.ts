import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyService } from '../../../common/idempotency/idempotency.service';
import { AuthModule } from '../../auth/auth.module';
import { AnswerSigningKey } from './answer-signing-key.entity';
import { AnswerSigningKeyStore } from './answer-signing-keys.repository';
import { AnswerKeySource, AnswerSigner } from './answer-signer.service';
import { AnswerVerificationService } from './answer-verification.service';
import { AnswersVerifyController } from './answers-verify.controller';
import { SigningKeyRing } from './signing-key-ring.service';
import { SigningKeysAdminController } from './signing-keys-admin.controller';

/**
 * Signed answers: AnswerSigner renders an answer as signed JSON / XML / PDF (used by
 * GET /appeals/{id}/answer) and verifies such documents; POST /answers/verify is its public face.
 * Its keys live in answer_signing_keys (SigningKeyRing); /admin/signing-keys lists and rotates them.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AnswerSigningKey]), AuthModule],
  controllers: [AnswersVerifyController, SigningKeysAdminController],
  providers: [AnswerSigningKeyStore, SigningKeyRing, IdempotencyService, { provide: AnswerKeySource, useExisting: SigningKeyRing }, AnswerSigner, AnswerVerificationService],
  exports: [AnswerSigner],
})
export class AnswerSigningModule {}
