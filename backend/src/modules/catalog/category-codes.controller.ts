import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { CategoryCodeDto, CategoryCodes, SetTotkCodeDto } from './category-codes.service';

@ApiTags('admin')
@Controller({ path: 'admin/categories', version: '1' })
export class CategoryCodesController {
  constructor(private readonly codes: CategoryCodes) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Every category with its ТОТК classifier code', operationId: 'listCategoryCodes' })
  @ApiOkResponse({ type: [CategoryCodeDto] })
  list(): Promise<CategoryCodeDto[]> {
    return this.codes.list();
  }

  @Patch(':id/totk-code')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: "Set a category's ТОТК classifier code (audited)", operationId: 'setCategoryTotkCode' })
  @ApiOkResponse({ type: CategoryCodeDto })
  set(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetTotkCodeDto): Promise<CategoryCodeDto> {
    return this.codes.set(actor, id, dto.totkCode);
  }
}
