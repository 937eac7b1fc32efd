import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { DepartmentAdminService } from './department-admin.service';
import { AdminDepartmentDto, DepartmentInputDto } from './workflow-admin.dto';

@ApiTags('admin')
@Controller({ path: 'admin/departments', version: '1' })
export class DepartmentAdminController {
  constructor(private readonly departments: DepartmentAdminService) {}

  @Post()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Add a department to the tree', description: '409 conflict (field code) for a taken code; 422 for an unknown or retired parent.', operationId: 'createDepartment' })
  @ApiCreatedResponse({ type: AdminDepartmentDto })
  create(@CurrentActor() actor: Actor, @Body() dto: DepartmentInputDto): Promise<AdminDepartmentDto> {
    return this.departments.create(actor, dto);
  }

  @Post(':id/retire')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retire a department',
    description:
      'Not while it has open appeals, active staff or live sub-departments: 409 department_in_use with `openAppeals`, `activeStaff`, `liveChildren`; ' +
      'the general pool cannot be retired (409 department_general_pool). Retiring a retired department changes nothing.',
    operationId: 'retireDepartment',
  })
  @ApiOkResponse({ type: AdminDepartmentDto })
  retire(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<AdminDepartmentDto> {
    return this.departments.retire(actor, id);
  }
}
