import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppealAccessModule } from '../appeals/appeal-access.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AttachmentCipher } from './attachment-cipher';
import { Attachment } from './attachment.entity';
import { AttachmentDownloads } from './attachment-downloads';
import { AttachmentUploadService } from './attachment-upload.service';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { PublicUploadSessions } from './public-upload-session';
import { LocalObjectStorage } from './storage/local-storage';
import { OBJECT_STORAGE, ObjectStorage } from './storage/object-storage';
import { S3ObjectStorage } from './storage/s3-storage';

function objectStorage(config: AppConfig): ObjectStorage {
  const { storage, s3 } = config.attachments;
  const root = join(config.dataDir, 'attachments');
  return storage === 's3' ? new S3ObjectStorage(s3!) : new LocalObjectStorage(join(root, 'objects'), join(root, 'spool'));
}

@Module({
  imports: [TypeOrmModule.forFeature([Attachment]), AppealAccessModule, UserDirectoryModule],
  controllers: [AttachmentsController],
  providers: [
    { provide: OBJECT_STORAGE, inject: [APP_CONFIG], useFactory: objectStorage },
    { provide: AttachmentCipher, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new AttachmentCipher(c.masterKey) },
    { provide: PublicUploadSessions, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new PublicUploadSessions(c.masterKey) },
    AttachmentsService,
    AttachmentUploadService,
    AttachmentDownloads,
  ],
  exports: [AttachmentsService, AttachmentUploadService, PublicUploadSessions],
})
export class AttachmentsModule {}
