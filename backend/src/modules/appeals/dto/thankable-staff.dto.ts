import { ApiProperty } from '@nestjs/swagger';

/** An employee the citizen may thank: one who handled their appeals. */
export class ThankableStaffDto {
  @ApiProperty({ format: 'uuid', description: 'To send as thankedStaffId of a gratitude' }) id: string;
  @ApiProperty({ type: String, nullable: true }) position: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null when CITIZEN_SEES_EXECUTOR_NAME=false' }) name: string | null;
}
