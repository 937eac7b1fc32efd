import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { AppealType } from '@otklik/shared/domain';
import { Public } from '../auth/auth.decorators';
import { AppealTypeDto, CategoryDto } from './catalog.dto';
import { CatalogService } from './catalog.service';

/**
 * The catalog is the same for everyone and holds no personal data: the one API answer that opts
 * out of the default `no-store`. Five minutes, so an admin's change shows up soon.
 */
const PUBLIC_CATALOG_CACHE = 'public, max-age=300';

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
  @Header('Cache-Control', PUBLIC_CATALOG_CACHE)
  @ApiOperation({ summary: 'Appeal types', operationId: 'listAppealTypes' })
  @ApiOkResponse({ type: [AppealTypeDto] })
  appealTypes(): AppealTypeDto[] {
    return this.catalog.appealTypes();
  }

  @Get('categories')
  @Public()
  @Header('Cache-Control', PUBLIC_CATALOG_CACHE)
  @ApiOperation({ summary: 'Category tree with extra-field schemas', operationId: 'listCategories' })
  @ApiQuery({ name: 'type', required: false, enum: AppealType, enumName: 'AppealType', description: 'Only categories serving this type' })
  @ApiOkResponse({ type: [CategoryDto] })
  categories(@Query() query: CategoriesQuery): Promise<CategoryDto[]> {
    return this.catalog.tree(query.type);
  }
}
