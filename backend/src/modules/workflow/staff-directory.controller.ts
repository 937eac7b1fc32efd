import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Authenticated } from '../auth/auth.decorators';
import { DepartmentDto } from '../users/users.dto';
import { WorkflowAdminService } from './workflow-admin.service';

/** What staff need to know about the organisation to move appeals inside it. */
@ApiTags('staff')
@Controller({ path: 'staff/departments', version: '1' })
export class StaffDirectoryController {
  constructor(private readonly admin: WorkflowAdminService) {}

  @Get()
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'Departments (redirect targets and the hierarchy), by name', operationId: 'listStaffDepartments' })
  @ApiOkResponse({ type: [DepartmentDto] })
  list(): Promise<DepartmentDto[]> {
    return this.admin.directory();
  }
}
