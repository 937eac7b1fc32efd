import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { multipartFailure } from '../../../common/http/multipart-errors';
import { DomainError, FieldError, ValidationFailedError } from '../../../common/problem/domain-error';
import { RateLimiter } from '../../auth/protection/rate-limiter';
import { AnswerSigner, detectFormat } from './answer-signer.service';
import { AnswerVerificationDto, toVerificationDto } from './answer-verification.dto';

/** A signed answer is a few dozen KB; 10 MB leaves room for long answers and stops abuse. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** A detached JWS is under 2 KB. */
const MAX_SIGNATURE_BYTES = 16 * 1024;

/** Checks per IP: enough for a person or an integrator, not for using the route as a signing oracle probe. */
const VERIFY_LIMITS = (ip: string) => [
  { bucket: `answer-verify:ip:${ip}:minute`, limit: 30, windowSeconds: 60 },
  { bucket: `answer-verify:ip:${ip}:hour`, limit: 300, windowSeconds: 3600 },
];

/** The public verification of a signed answer: reads the multipart upload and asks the signer. */
@Injectable()
export class AnswerVerificationService {
  constructor(
    private readonly signer: AnswerSigner,
    private readonly limiter: RateLimiter,
  ) {}

  async verify(request: FastifyRequest): Promise<AnswerVerificationDto> {
    await this.limiter.hit(...VERIFY_LIMITS(request.ip ?? 'unknown'));
    if (!request.isMultipart()) throw new DomainError(415, 'unsupported_media_type');
    const { document, signature } = await this.read(request);
    if (signature === undefined && detectFormat(document) === 'json') {
      throw new ValidationFailedError([{ field: 'signature', code: 'signature_required', message: 'A JSON answer is checked against its detached signature (the X-Answer-Signature header it came with)' }]);
    }
    return toVerificationDto(await this.signer.verify({ document, signature }));
  }

  /** The `document` file and the optional `signature` (a text field or a small file); anything else is refused. */
  private async read(request: FastifyRequest): Promise<{ document: Buffer; signature?: string }> {
    let document: Buffer | undefined;
    let signature: string | undefined;
    const errors: FieldError[] = [];
    const parts = request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 2, fields: 2, parts: 4, fieldSize: MAX_SIGNATURE_BYTES } });
    // A body that is not well-formed multipart fails while it is read: the client's mistake, not a 500.
    try {
      for await (const part of parts) {
        const duplicate = (part.fieldname === 'document' && document !== undefined) || (part.fieldname === 'signature' && signature !== undefined);
        // Every file part is read to its end (within the size limit), or the upload stalls.
        const content = part.type === 'file' ? await part.toBuffer() : undefined;
        if (duplicate) {
          errors.push({ field: part.fieldname, code: 'duplicate_field', message: `${part.fieldname} is given more than once` });
        } else if (part.fieldname === 'document') {
          if (content) document = content;
          else errors.push({ field: 'document', code: 'file_required', message: 'document must be sent as a file part' });
        } else if (part.fieldname === 'signature') {
          const value = content ? content.toString('utf8') : part.type === 'field' && !part.valueTruncated ? String(part.value) : undefined;
          if (value === undefined || value.length > MAX_SIGNATURE_BYTES) errors.push({ field: 'signature', code: 'maxLength', message: 'signature is too long' });
          else signature = value.trim() === '' ? undefined : value;
        } else {
          errors.push({ field: part.fieldname, code: 'unknown_field', message: `${part.fieldname} is not a field of this form` });
        }
      }
    } catch (error) {
      throw multipartFailure(error);
    }
    if (!document && !errors.some((e) => e.field === 'document')) errors.push({ field: 'document', code: 'required', message: 'document is required' });
    if (errors.length > 0 || !document) throw new ValidationFailedError(errors);
    return { document, signature };
  }
}
