import { DomainError } from '../problem/domain-error';

/**
 * What a failure while reading a multipart body means for the client. @fastify/multipart and
 * busboy throw plain errors for a body that is not well-formed multipart (no boundary, a part cut
 * short, a client that went away): those are the client's, never a 500.
 */
export function multipartFailure(error: unknown): Error {
  if (error instanceof DomainError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new DomainError(415, 'unsupported_media_type');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_REQ_FILE_TOO_LARGE' || statusCode === 413) {
    return new DomainError(413, 'payload_too_large');
  }
  return new DomainError(400, 'upload_interrupted');
}
