import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../auth/auth.decorators';
import { AnswerVerificationDto } from './answer-verification.dto';
import { AnswerVerificationService } from './answer-verification.service';

@ApiTags('answers')
@Controller({ path: 'answers', version: '1' })
export class AnswersVerifyController {
  constructor(private readonly verification: AnswerVerificationService) {}

  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a signed answer (JSON + its signature, XML or PDF): is it intact, who signed it and when',
    description: 'A tampered or foreign document is still a 200, with valid: false and a reason; only a malformed request is refused.',
    operationId: 'verifyAnswer',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['document'],
      properties: {
        document: { type: 'string', format: 'binary', description: 'The answer file as downloaded: JSON, XML or PDF (at most 10 MB); the format is told by the content' },
        signature: { type: 'string', description: 'For a JSON answer (required then): the detached JWS of its X-Answer-Signature header, as text or as a file' },
      },
    },
  })
  @ApiOkResponse({ type: AnswerVerificationDto, description: 'The verdict: valid or not (with a reason), and for a valid document who signed it, when, for which appeal' })
  @ApiUnprocessableEntityResponse({ description: 'No document part, a JSON document without a signature, or unknown parts' })
  @ApiPayloadTooLargeResponse({ description: 'The document is larger than 10 MB' })
  @ApiTooManyRequestsResponse({ description: 'Too many checks from this address; see Retry-After' })
  verify(@Req() request: FastifyRequest): Promise<AnswerVerificationDto> {
    return this.verification.verify(request);
  }
}
