import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { TrustLevel } from './user.entity';
import type { Account } from './user-accounts.repository';
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

  static from(user: Account, department: DepartmentInfo | null): MeDto {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      position: user.position,
      department: department ? DepartmentDto.from(department) : null,
      trustLevel: user.esiaOid ? user.trustLevel : null,
    };
  }
}
