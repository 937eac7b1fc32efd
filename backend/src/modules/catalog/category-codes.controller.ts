import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { AdminCategoryDto, CategoryOrderDto, CategorySchemaInputDto, CategorySchemaVersionDto, CreateCategoryDto, ReorderCategoriesDto, UpdateCategoryDto } from './category-admin.dto';
import { CategoryAdminService } from './category-admin.service';
import { CategoryCodeDto, CategoryCodes, SetTotkCodeDto } from './category-codes.service';

const uuid = new ParseUUIDPipe();

/** The catalogue administration: admins change categories, supervisors may read them. */
@ApiTags('admin')
@Controller({ path: 'admin/categories', version: '1' })
export class CategoryCodesController {
  constructor(
    private readonly codes: CategoryCodes,
    private readonly categories: CategoryAdminService,
  ) {}

  @Get()
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'Every category and subcategory, retired ones too, with its ТОТК code, types, department and extra-field schema', operationId: 'listCategoryCodes' })
  @ApiOkResponse({ type: [AdminCategoryDto] })
  list(): Promise<AdminCategoryDto[]> {
    return this.categories.list();
  }

  @Post()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Add a category, or a subcategory (with parentId)', description: '409 category_code_taken for a code in use.', operationId: 'createCategory' })
  @ApiCreatedResponse({ type: AdminCategoryDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCategoryDto): Promise<AdminCategoryDto> {
    return this.categories.create(actor, dto);
  }

  @Post('reorder')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Put the children of a category (or the top level) in a new order', operationId: 'reorderCategories' })
  @ApiOkResponse({ type: CategoryOrderDto })
  reorder(@CurrentActor() actor: Actor, @Body() dto: ReorderCategoriesDto): Promise<CategoryOrderDto> {
    return this.categories.reorder(actor, dto);
  }

  @Patch(':id')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Change a category’s names, types, department, priority or ТОТК code', operationId: 'updateCategory' })
  @ApiOkResponse({ type: AdminCategoryDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: UpdateCategoryDto): Promise<AdminCategoryDto> {
    return this.categories.update(actor, id, dto);
  }

  @Put(':id/schema')
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Set the extra-field JSON Schema: a new version',
    description: 'Filing validates against the current version; an appeal keeps the version it was filed under. The same schema again makes no new version.',
    operationId: 'setCategorySchema',
  })
  @ApiOkResponse({ type: AdminCategoryDto })
  setSchema(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: CategorySchemaInputDto): Promise<AdminCategoryDto> {
    return this.categories.setSchema(actor, id, dto.schema);
  }

  @Get(':id/schema-versions')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'Every version of the category’s extra-field schema, newest first', operationId: 'listCategorySchemaVersions' })
  @ApiOkResponse({ type: [CategorySchemaVersionDto] })
  versions(@Param('id', uuid) id: string): Promise<CategorySchemaVersionDto[]> {
    return this.categories.schemaVersions(id);
  }

  @Post(':id/retire')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a category: no longer offered for filing; appeals filed under it keep it', operationId: 'retireCategory' })
  @ApiOkResponse({ type: AdminCategoryDto })
  retire(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<AdminCategoryDto> {
    return this.categories.setActive(actor, id, false);
  }

  @Post(':id/reinstate')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Offer a retired category for filing again (409 category_parent_retired under a retired parent)', operationId: 'reinstateCategory' })
  @ApiOkResponse({ type: AdminCategoryDto })
  reinstate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<AdminCategoryDto> {
    return this.categories.setActive(actor, id, true);
  }

  @Patch(':id/totk-code')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: "Set a category's ТОТК classifier code (audited)", operationId: 'setCategoryTotkCode' })
  @ApiOkResponse({ type: CategoryCodeDto })
  set(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetTotkCodeDto): Promise<CategoryCodeDto> {
    return this.codes.set(actor, id, dto.totkCode);
  }
}
