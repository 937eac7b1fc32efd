import { ApiProperty } from '@nestjs/swagger';
import { AppealType } from '@otklik/shared/domain';

export class AppealTypeDto {
  @ApiProperty({ enum: AppealType, enumName: 'AppealType' }) code: AppealType;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ description: 'False for types that are created only from another appeal (decision_appeal)' })
  intake: boolean;
}

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: AppealType, enumName: 'AppealType', isArray: true, description: 'Appeal types the category serves' })
  appealTypes: AppealType[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Department appeals of this category are routed to; null → general pool' })
  departmentId: string | null;
  @ApiProperty({ description: 'Priority category: first reaction within 2 hours' }) priority: boolean;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'JSON Schema of the extra fields validated at intake' })
  extraFieldsSchema: Record<string, unknown> | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Version of extraFieldsSchema; an appeal records the version it was filed under' })
  schemaVersion: number | null;
  @ApiProperty({ type: () => [CategoryDto] }) children: CategoryDto[];
}
