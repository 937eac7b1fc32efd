import { Injectable, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor } from '../../common/http/actor';
import { DomainError, NotFoundError } from '../../common/problem/domain-error';
import { AttachmentsService } from './attachments.service';
import { contentDisposition } from './content/file-name';
import { parseRange } from './http-range';

/**
 * The HTTP side of reading an attachment: headers that keep a browser from rendering or sniffing
 * it, ETag from the content hash, and single byte ranges (206 / 416).
 */
@Injectable()
export class AttachmentDownloads {
  constructor(private readonly attachments: AttachmentsService) {}

  static notFound(): DomainError {
    return new NotFoundError('attachment');
  }

  async file(actor: Actor, id: string, headers: { range?: string; ifRange?: string }, reply: FastifyReply): Promise<StreamableFile> {
    const described = await this.attachments.describe(actor, id);
    const etag = `"${described.sha256}"`;
    // If-Range with another validator: the client's partial copy is stale, send it all.
    const range = headers.ifRange && headers.ifRange !== etag ? null : parseRange(headers.range, described.size);
    if (range === 'unsatisfiable') {
      reply.header('Content-Range', `bytes */${described.size}`);
      throw new DomainError(416, 'range_not_satisfiable');
    }
    const { attachment, body } = await this.attachments.open(actor, id, 'file', range ?? undefined);
    safeHeaders(reply, attachment.contentType)
      .header('Content-Disposition', contentDisposition(attachment.name))
      .header('ETag', etag)
      .header('Accept-Ranges', 'bytes');
    if (!range) return new StreamableFile(body, { length: body.length });
    reply.status(206).header('Content-Range', `bytes ${range.start}-${range.end}/${body.length}`);
    const part = body.subarray(range.start, range.end + 1);
    return new StreamableFile(part, { length: part.length });
  }

  async preview(actor: Actor, id: string, reply: FastifyReply): Promise<StreamableFile> {
    const { attachment, body } = await this.attachments.open(actor, id, 'preview');
    safeHeaders(reply, 'image/jpeg').header('Content-Disposition', contentDisposition(`${attachment.name}.preview.jpg`).replace(/^attachment/, 'inline'));
    return new StreamableFile(body, { length: body.length });
  }
}

function safeHeaders(reply: FastifyReply, contentType: string): FastifyReply {
  return reply
    .header('Content-Type', contentType)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store');
}
