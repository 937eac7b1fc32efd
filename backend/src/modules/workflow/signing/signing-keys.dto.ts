import { ApiProperty } from '@nestjs/swagger';
import { AnswerSigningKey } from './answer-signing-key.entity';

export enum SigningKeyState {
  Active = 'active',
  Retired = 'retired',
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A key of signed answers as the admin sees it: never its private half. */
export class SigningKeyDto {
  @ApiProperty({ example: 'rsa-3kq0yJ9cR1w2bVxA', description: 'Key id: the `kid` of the signatures it makes' }) kid: string;
  @ApiProperty({ example: 'RS256' }) algorithm: string;
  @ApiProperty({ enum: SigningKeyState, enumName: 'SigningKeyState', description: 'active: signs new answers; retired: only verifies' }) state: SigningKeyState;
  @ApiProperty({ example: 'sha256:9f86d081884c7d65…', description: 'SHA-256 of the public key (DER SubjectPublicKeyInfo), to compare out of band' }) fingerprint: string;
  @ApiProperty({ enum: ['configuration', 'generated'], enumName: 'SigningKeySource', description: 'configuration: imported from ANSWER_SIGNING_KEY / ANSWER_VERIFY_KEYS; generated: by a rotation' })
  source: 'configuration' | 'generated';
  @ApiProperty({ description: 'Whether the private half is held (verify-only keys from ANSWER_VERIFY_KEYS have none)' }) canSign: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) activatedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) retiredAt: string | null;
  @ApiProperty({ description: 'The public key (SPKI PEM)' }) publicKey: string;
}

export const signingKeyDto = (k: AnswerSigningKey): SigningKeyDto => ({
  kid: k.kid,
  algorithm: k.algorithm,
  state: k.activatedAt && !k.retiredAt ? SigningKeyState.Active : SigningKeyState.Retired,
  fingerprint: k.fingerprint,
  source: k.source,
  canSign: k.privateKeyEncrypted !== null,
  createdAt: iso(k.createdAt)!,
  activatedAt: iso(k.activatedAt),
  retiredAt: iso(k.retiredAt),
  publicKey: k.publicKey,
});
