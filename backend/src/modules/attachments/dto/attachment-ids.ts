import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';

/** Ids one request may bind; the per-appeal budget (ATTACHMENT_MAX_FILES_PER_APPEAL) is checked when binding. */
export const MAX_ATTACHMENT_IDS = 10;

/**
 * `attachmentIds` of a body: own unbound uploads (POST /attachments) to bind, at most
 * MAX_ATTACHMENT_IDS uuids; optional unless `required` (then at least one). The rules and their
 * OpenAPI shape live here so that the bodies cannot drift apart.
 */
export function AttachmentIds(options: { description: string; required?: boolean }): PropertyDecorator {
  const shape: ApiPropertyOptions = { type: [String], format: 'uuid', maxItems: MAX_ATTACHMENT_IDS, description: options.description };
  // applyDecorators applies in list order, stacked decorators bottom-up: listed bottom-up, the
  // constraints (and so the order of the reported errors) stay as they were when written inline.
  return applyDecorators(
    IsUUID('all', { each: true }),
    ArrayMaxSize(MAX_ATTACHMENT_IDS),
    ...(options.required ? [ArrayMinSize(1), IsArray(), ApiProperty({ ...shape, minItems: 1 })] : [IsArray(), IsOptional(), ApiPropertyOptional(shape)]),
  );
}
