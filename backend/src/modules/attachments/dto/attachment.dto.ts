import { ApiProperty } from '@nestjs/swagger';
import { Attachment, ScanStatus } from '../attachment.entity';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The normalised name the file is served under' }) name: string;
  @ApiProperty({ description: 'The name as uploaded, for display' }) originalName: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'The type found in the content, e.g. application/pdf, text/plain; charset=windows-1251' }) contentType: string;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty({ enum: ScanStatus, enumName: 'AttachmentScanStatus', description: 'Downloadable when clean or not_scanned' })
  scanStatus: ScanStatus;
  @ApiProperty({ description: 'A thumbnail is available at /attachments/{id}/preview' }) hasPreview: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The appeal it is attached to; null until bound' }) appealId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) messageId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) answerId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toAttachmentDto(a: Attachment): AttachmentDto {
  return {
    id: a.id,
    name: a.name,
    originalName: a.originalName,
    size: a.size,
    contentType: a.contentType,
    sha256: a.sha256,
    scanStatus: a.scanStatus,
    hasPreview: Boolean(a.previewKey),
    appealId: a.appealId,
    messageId: a.messageId,
    answerId: a.answerId,
    createdAt: a.createdAt.toISOString(),
  };
}
