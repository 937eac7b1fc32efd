import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Actor } from '../../common/http/actor';
import { NotFoundError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { Category } from './category.entity';

export const TOTK_CODE = /^[0-9]{4}(\.[0-9]{4}){0,4}$/;

export class CategoryCodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() code: string;
  @ApiProperty() nameRu: string;
  @ApiProperty({ type: String, nullable: true, example: '0003.0011.0120.0709', description: 'ТОТК classifier code' }) totkCode: string | null;
}

export class SetTotkCodeDto {
  @ApiProperty({ type: String, nullable: true, example: '0003.0011.0120.0709', description: 'ТОТК code (four-digit groups separated by dots); null clears it' })
  @IsOptional()
  @Matches(TOTK_CODE, { message: 'totkCode must be four-digit groups separated by dots (0003.0011.0120.0709)' })
  totkCode: string | null;
}

const toDto = (c: Category): CategoryCodeDto => ({ id: c.id, parentId: c.parentId, code: c.code, nameRu: c.nameRu, totkCode: c.totkCode });

/** The categories' ТОТК codes: admins set them, the statutory report reads them. */
@Injectable()
export class CategoryCodes {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CategoryCodeDto[]> {
    return (await this.tx.manager.getRepository(Category).find({ order: { sortOrder: 'ASC', nameRu: 'ASC' } })).map(toDto);
  }

  async set(actor: Actor, id: string, totkCode: string | null): Promise<CategoryCodeDto> {
    return this.tx.run(async (manager) => {
      const category = await manager.getRepository(Category).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!category) throw new NotFoundError('category');
      const before = { totkCode: category.totkCode };
      category.totkCode = totkCode ?? null;
      await manager.getRepository(Category).update({ id }, { totkCode: category.totkCode });
      await this.audit.record(manager, actor, {
        action: 'category.totk_code',
        entityType: 'category',
        entityId: id,
        details: { code: category.code, before, totkCode: category.totkCode },
        change: { before, after: { totkCode: category.totkCode } },
      });
      return toDto(category);
    });
  }
}
