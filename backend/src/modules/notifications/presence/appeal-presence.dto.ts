import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { PresenceActivity } from '@otklik/shared/domain';

export class PresenceHeartbeatDto {
  @ApiProperty({
    enum: PresenceActivity,
    enumName: 'PresenceActivity',
    description: '`replying` while the answer or message editor has focus or holds text',
  })
  @IsEnum(PresenceActivity)
  activity: PresenceActivity;
}

export class PresentStaffDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'Иванов Иван Иванович' }) name: string;
  @ApiProperty({ enum: PresenceActivity, enumName: 'PresenceActivity' })
  activity: PresenceActivity;
}

export class AppealPresenceDto {
  @ApiProperty({ format: 'uuid' }) appealId: string;
  @ApiProperty({
    type: [PresentStaffDto],
    description: 'The other staff members on the card now (never the caller)',
  })
  present: PresentStaffDto[];
  @ApiProperty({
    description: 'Seconds the caller stays shown without another heartbeat',
  })
  ttlSeconds: number;
}
