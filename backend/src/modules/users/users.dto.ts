import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { AnswerChannel, Role } from '@otklik/shared/domain';
import { TrustLevel } from './user.entity';
import type { AccountProfile } from './user-accounts.repository';
import type { DepartmentInfo } from './department-tree.repository';

export class DepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty() isGeneralPool: boolean;

  static from(d: DepartmentInfo): DepartmentDto {
    return { id: d.id, code: d.code, nameRu: d.nameRu, nameEn: d.nameEn, parentId: d.parentId, isGeneralPool: d.isGeneralPool };
  }
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ type: DepartmentDto, nullable: true }) department: DepartmentDto | null;
  @ApiProperty({
    enum: ['confirmed', 'standard', 'simplified'],
    enumName: 'TrustLevel',
    nullable: true,
    description: 'ESIA trust level of an account that came from (or is linked to) ESIA; null for local accounts',
  })
  trustLevel: TrustLevel | null;
  @ApiProperty({ description: 'The e-mail was proved by a code sent to it; an unverified address gets no notices' }) emailVerified: boolean;
  @ApiProperty({ description: 'The phone was proved by an SMS code' }) phoneVerified: boolean;
  @ApiProperty({ enum: AnswerChannel, enumName: 'AnswerChannel', description: 'Default channel of answers (a new appeal takes it unless it names its own)' })
  preferredAnswerChannel: AnswerChannel;

  static from(user: AccountProfile, department: DepartmentInfo | null): MeDto {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      position: user.position,
      department: department ? DepartmentDto.from(department) : null,
      trustLevel: user.esiaOid ? user.trustLevel : null,
      emailVerified: user.emailVerified,
      phoneVerified: user.phoneVerified,
      preferredAnswerChannel: user.preferredAnswerChannel,
    };
  }
}

/** Optional, but when sent, validated — null included (a PATCH field is changed or left out, never nulled). */
const Present = () => ValidateIf((_: object, value: unknown) => value !== undefined);

const NAME = /^[\p{L}][\p{L}\p{M} .'’-]*$/u;

/** A citizen's changes to their profile; a new e-mail or phone waits for the code sent to it. */
export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Иванова' }) @Present() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(NAME, { message: 'letters, spaces, hyphens and apostrophes' }) lastName?: string;
  @ApiPropertyOptional({ example: 'Мария' }) @Present() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(NAME, { message: 'letters, spaces, hyphens and apostrophes' }) firstName?: string;
  @ApiPropertyOptional({ example: 'Петровна', description: 'An empty string removes the middle name' })
  @Present()
  @IsString()
  @MaxLength(100)
  @Matches(/^$|^[\p{L}][\p{L}\p{M} .'’-]*$/u, { message: 'letters, spaces, hyphens and apostrophes' })
  middleName?: string;
  @ApiPropertyOptional({ description: 'A new e-mail: a code goes to it, the old one is told; the current one again: a new verification code' })
  @Present()
  @IsEmail({ allow_display_name: false })
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({ description: 'A new mobile phone +7XXXXXXXXXX: an SMS code goes to it, the old one is told' }) @Present() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional({ enum: AnswerChannel, enumName: 'AnswerChannel' }) @Present() @IsEnum(AnswerChannel) preferredAnswerChannel?: AnswerChannel;
}

export class PendingContactChangeDto {
  @ApiProperty({ enum: ['email', 'phone'], enumName: 'ContactKind' }) kind: 'email' | 'phone';
  @ApiProperty({ description: 'The new address, masked' }) to: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** The profile after a change, with the contact changes that wait for their codes. */
export class ProfileDto extends MeDto {
  @ApiProperty({ type: [PendingContactChangeDto] }) pendingContactChanges: PendingContactChangeDto[];
}

export class ConfirmContactDto {
  @ApiProperty({ enum: ['email', 'phone'], enumName: 'ContactKind' }) @IsIn(['email', 'phone']) kind: 'email' | 'phone';
  @ApiProperty({ example: '123456' }) @IsString() @IsNotEmpty() @MaxLength(32) code: string;
}
