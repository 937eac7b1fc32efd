import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import type { ApiKeyRow } from './open311.repository';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class Open311KeyInputDto {
  @ApiProperty({ example: 'Мобильное приложение «Мой город»', maxLength: 200, description: 'The client app the key is for' })
  @IsString()
  @Transform(trim)
  @Length(1, 200)
  @Matches(/^[^\p{C}]+$/u, { message: 'name must not hold control characters' })
  name: string;
}

export class Open311KeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters of the key, to tell keys apart' }) keyPrefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Last filing with the key' }) lastUsedAt: string | null;

  static of(row: ApiKeyRow): Open311KeyDto {
    return { id: row.id, name: row.name, keyPrefix: row.keyPrefix, createdAt: iso(row.createdAt)!, revokedAt: iso(row.revokedAt), lastUsedAt: iso(row.lastUsedAt) };
  }
}

export class Open311KeyCreatedDto extends Open311KeyDto {
  @ApiProperty({ description: 'The api_key the client app sends; shown once (only its hash is kept)' }) key: string;
}

export class Open311KeyListDto {
  @ApiProperty({ type: [Open311KeyDto] }) items: Open311KeyDto[];
}
