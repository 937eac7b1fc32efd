import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CategoryAdminService } from './category-admin.service';
import { CategoryCodesController } from './category-codes.controller';
import { CategoryCodes } from './category-codes.service';
import { UserDirectoryModule } from '../users/user-directory.module';

@Module({ imports: [UserDirectoryModule], controllers: [CatalogController, CategoryCodesController], providers: [CatalogService, CategoryCodes, CategoryAdminService], exports: [CatalogService, CategoryCodes] })
export class CatalogModule {}
