import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AppealStatus } from '@otklik/shared/domain';
import { AttachmentIds } from '../../attachments/dto/attachment-ids';
import { CreateAppealDto } from './appeal-input.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The fields of an identified appeal, without the draft flag and the account's contact block. */
export class PublicAppealInput extends OmitType(CreateAppealDto, ['draft', 'contact', 'attachmentIds', 'organisation'] as const) {
  @ApiPropertyOptional({ maxLength: 100, description: 'Фамилия: without it (or without an address) no answer on the merits is given (59-ФЗ ст. 11)' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(100)
  @Matches(/^[\p{Script=Cyrillic}\p{Script=Latin}][\p{Script=Cyrillic}\p{Script=Latin} .'-]*$/u, { message: 'surname may hold only letters, spaces, dots, apostrophes and hyphens' })
  surname?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Postal address for the answer' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ description: 'E-mail for the answer and status notices' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ require_tld: true })
  email?: string;
}

export class PublicAppealDto extends PublicAppealInput {
  @ApiProperty({ description: 'ALTCHA payload: the solved challenge of GET /auth/captcha, base64' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  captcha: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'The public upload session (POST /public/upload-sessions) whose files `attachmentIds` names' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  uploadSession?: string;

  @AttachmentIds({ description: 'Ids of unattached uploads of `uploadSession` (POST /public/attachments) to attach' })
  attachmentIds?: string[];
}

export class PublicUploadSessionInputDto {
  @ApiProperty({ description: 'ALTCHA payload: the solved challenge of GET /auth/captcha, base64' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  captcha: string;
}

/** What an upload without an account may send, and the token its uploads and its filing present. */
export class PublicUploadSessionDto {
  @ApiProperty({ description: 'Send it as the X-Upload-Session header of POST /public/attachments and as `uploadSession` of POST /public/appeals' })
  uploadSession: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Files per appeal' }) maxFiles: number;
  @ApiProperty({ description: 'Bytes per file' }) maxFileBytes: number;
  @ApiProperty({ description: 'Bytes per appeal' }) maxTotalBytes: number;
  @ApiProperty({ type: [String], example: ['.pdf', '.doc', '.docx', '.jpg', '.png', '.txt'], description: 'Accepted kinds (the type is decided by the content)' })
  accept: string[];
}

export class PublicAppealReceiptDto {
  @ApiProperty({ description: 'Human number of the appeal' }) number: number;
  @ApiProperty({ description: 'Keep it: with the number it is the only way to follow the appeal. Shown once.' }) accessCode: string;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: 'No answer on the merits will be given (no surname or no address, 59-ФЗ ст. 11)' }) noAnswerRequired: boolean;
}

export class PublicTrackQuery {
  @ApiProperty({ description: 'The access code received when filing' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{6,20}$/, { message: 'accessCode must be 6–20 letters and digits' })
  accessCode: string;
}

export class PublicStatusEventDto {
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class PublicAppealStatusDto {
  @ApiProperty() number: number;
  @ApiProperty({ enum: AppealStatus, enumName: 'AppealStatus' }) status: AppealStatus;
  @ApiProperty({ description: 'Status label in the requested language' }) statusLabel: string;
  @ApiProperty() subject: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() noAnswerRequired: boolean;
  @ApiProperty({ type: [PublicStatusEventDto], description: 'Status changes (who acted is not disclosed)' }) history: PublicStatusEventDto[];
}
