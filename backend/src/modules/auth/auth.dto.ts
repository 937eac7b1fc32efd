import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'E-mail of the account', example: 'citizen@demo.otklik.local' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  login: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class TokensDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
}

/** Ways to pass the second factor at sign-in. */
export enum MfaMethod {
  Totp = 'totp',
  Sms = 'sms',
  Email = 'email',
  BackupCode = 'backup_code',
}

/** Where a one-time code is sent. */
export enum CodeChannel {
  Sms = 'sms',
  Email = 'email',
}

/** The second factor an account must enrol at sign-in. */
export enum MfaEnrolment {
  Totp = 'totp',
}

/** The password was right; a second factor is needed (`POST /auth/mfa`). */
export class MfaRequiredDto {
  @ApiProperty({ enum: [true] }) mfaRequired: true;
  @ApiProperty({ description: 'Short-lived token for POST /auth/mfa and /auth/mfa/sms' }) mfaToken: string;
  @ApiProperty({ enum: MfaMethod, enumName: 'MfaMethod', isArray: true }) methods: MfaMethod[];
  @ApiProperty({ description: 'Where a code was sent right away (e-mail fallback for staff without a factor)', nullable: true, type: String })
  codeSentTo: string | null;
  @ApiPropertyOptional({
    enum: MfaEnrolment,
    enumName: 'MfaEnrolment',
    description:
      'Present when the account must enrol a second factor before it gets a session (staff without one under STAFF_MFA=required): ' +
      'the e-mail code goes to POST /auth/mfa/enrolment instead of POST /auth/mfa.',
  })
  enrolment?: MfaEnrolment;
}

export class BeginEnrolmentDto {
  @ApiProperty({ description: 'The mfaToken of POST /auth/login' }) @IsString() @IsNotEmpty() @MaxLength(2000) mfaToken: string;
  @ApiProperty({ description: 'The code sent by e-mail at sign-in' }) @IsString() @IsNotEmpty() @MaxLength(32) code: string;
}

export class SignInEnrolmentDto {
  @ApiProperty({ description: 'Short-lived, single-use token for POST /auth/mfa/enrolment/confirm' }) enrolmentToken: string;
  @ApiProperty({ example: 'otpauth://totp/Otklik:user%40example.ru?secret=...' }) otpauthUri: string;
  @ApiProperty({ description: 'The otpauth URI as a PNG QR code data URL' }) qrDataUrl: string;
}

export class ConfirmEnrolmentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) enrolmentToken: string;
  @ApiProperty({ example: '123456', description: 'A code from the authenticator app' }) @IsString() @Matches(/^\d{6}$/) code: string;
}

/** Tokens of the session that starts when the enrolment is confirmed, and the backup codes (shown once). */
export class EnrolledTokensDto extends TokensDto {
  @ApiProperty({ type: [String], description: '10 single-use backup codes; shown once' }) backupCodes: string[];
}

export class MfaVerifyDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) mfaToken: string;
  @ApiProperty({ description: 'TOTP code, SMS/e-mail code (6 digits) or a backup code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code: string;
}

export class MfaTokenDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) mfaToken: string;
}

export class CodeSentDto {
  @ApiProperty({ description: 'Masked phone or e-mail the code went to', example: '+7 916 ***-**-67' }) codeSentTo: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class CaptchaChallengeDto {
  @ApiProperty({ enum: ['SHA-1', 'SHA-256', 'SHA-512'] }) algorithm: string;
  @ApiProperty() challenge: string;
  @ApiProperty() maxnumber: number;
  @ApiProperty() salt: string;
  @ApiProperty() signature: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ description: 'E-mail or +7 phone of the account' }) @IsString() @IsNotEmpty() @MaxLength(320) login: string;
  @ApiProperty({ enum: CodeChannel, enumName: 'CodeChannel' }) @IsEnum(CodeChannel) channel: CodeChannel;
}

export class ResetPasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(320) login: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(32) code: string;
  @ApiProperty({ format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(1024) newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(1024) currentPassword: string;
  @ApiProperty({ format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(1024) newPassword: string;
}

/** Change of an expired (staff) password, before signing in. */
export class ExpiredPasswordDto extends ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(320) login: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ example: 'otpauth://totp/Otklik:user%40example.ru?secret=...' }) otpauthUri: string;
  @ApiProperty({ description: 'The otpauth URI as a PNG QR code data URL' }) qrDataUrl: string;
}

export class TotpConfirmDto {
  @ApiProperty({ example: '123456' }) @IsString() @Matches(/^\d{6}$/) code: string;
}

export class BackupCodesDto {
  @ApiProperty({ type: [String], description: '10 single-use codes; shown once' }) backupCodes: string[];
}

export class DisableMfaDto {
  @ApiProperty({ format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(1024) password: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid', description: 'Session (refresh-token family) id' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt: string;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty() current: boolean;
}

export class RevokedSessionsDto {
  @ApiProperty() revoked: number;
}
