import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RevealContactDto {
  @ApiProperty({ maxLength: 500, description: 'Why the contact details are needed (kept in the audit log)', example: 'Звонок заявителю для уточнения адреса' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
