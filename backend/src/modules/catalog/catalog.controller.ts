import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { AppealType } from '@otklik/shared/domain';
import { Public } from '../auth/auth.decorators';
import { AppealTypeDto, CategoryDto } from './catalog.dto';
import { CatalogService } from './catalog.service';

class CategoriesQuery {
  @IsOptional()
  @IsEnum(AppealType)
  type?: AppealType;
}

@ApiTags('catalog')
@Controller({ path: 'catalog', version: '1' })
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('appeal-types')
  @Public()
  @ApiOperation({ summary: 'Appeal types', operationId: 'listAppealTypes' })
  @ApiOkResponse({ type: [AppealTypeDto] })
  appealTypes(): AppealTypeDto[] {
    return this.catalog.appealTypes();
  }

  @Get('categories')
  @Public()
  @ApiOperation({ summary: 'Category tree with extra-field schemas', operationId: 'listCategories' })
  @ApiQuery({ name: 'type', required: false, enum: AppealType, enumName: 'AppealType', description: 'Only categories serving this type' })
  @ApiOkResponse({ type: [CategoryDto] })
  categories(@Query() query: CategoriesQuery): Promise<CategoryDto[]> {
    return this.catalog.tree(query.type);
  }
}
