import { ApiProperty } from '@nestjs/swagger';
import { AppealSummaryDto } from './appeal-output.dto';

export class LinkedAppealDto extends AppealSummaryDto {
  @ApiProperty({
    enum: ['parent', 'child', 'main', 'merged'],
    enumName: 'AppealRelation',
    description:
      'parent: the appeal this one disputes or re-files; child: a dispute (decision_appeal) or re-filing of this one; main: the appeal this duplicate was merged into; merged: a duplicate merged into this one',
  })
  relation: 'parent' | 'child' | 'main' | 'merged';
}

/** What the card shows beside the appeal: its linked appeals and the citizen's others, as far as the staff member may see them. */
export class AppealRelationsDto {
  @ApiProperty({ type: [LinkedAppealDto] }) linked: LinkedAppealDto[];
  @ApiProperty({ type: [AppealSummaryDto], description: "The citizen's other appeals, newest first (at most 20); none for an appeal filed without an account" })
  others: AppealSummaryDto[];
}
