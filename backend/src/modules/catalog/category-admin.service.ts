import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { isDeepStrictEqual } from 'node:util';
import { Actor } from '../../common/http/actor';
import { ConflictError, FieldError, NotFoundError, ValidationFailedError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { DepartmentTree } from '../users/department-tree.repository';
import { AdminCategoryDto, CategoryOrderDto, CategorySchemaVersionDto, CreateCategoryDto, ReorderCategoriesDto, UpdateCategoryDto } from './category-admin.dto';
import { Category } from './category.entity';
import { CategorySchemaVersion } from './category-schema-version.entity';
import { checkExtraFieldsSchema } from './category-schema';
import { CatalogService, categoryTypes } from './catalog.service';

export const toAdminCategory = (c: Category): AdminCategoryDto => ({
  id: c.id,
  parentId: c.parentId,
  code: c.code,
  nameRu: c.nameRu,
  nameEn: c.nameEn,
  totkCode: c.totkCode,
  appealTypes: categoryTypes(c),
  departmentId: c.departmentId,
  priority: c.priority,
  sortOrder: c.sortOrder,
  active: c.active,
  extraFieldsSchema: c.extraFieldsSchema,
  schemaVersion: c.schemaVersion,
});

/** What an audit row compares of a category (the schema itself is in category_schema_versions; the row names its version). */
const auditFields = (c: Category): Record<string, unknown> => ({
  code: c.code,
  parentId: c.parentId,
  nameRu: c.nameRu,
  nameEn: c.nameEn,
  totkCode: c.totkCode,
  appealTypes: c.appealTypes,
  departmentId: c.departmentId,
  priority: c.priority,
  sortOrder: c.sortOrder,
  active: c.active,
  schemaVersion: c.schemaVersion,
});

/**
 * The catalogue administration: categories and subcategories, their order, retirement and the
 * versions of their extra-field schemas. Nothing is ever deleted: appeals name their category and
 * the schema version they were filed under. Every change is one transaction with its audit row.
 */
@Injectable()
export class CategoryAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly departments: DepartmentTree,
    private readonly catalog: CatalogService,
  ) {}

  async list(): Promise<AdminCategoryDto[]> {
    const rows = await this.tx.manager.getRepository(Category).find({ order: { sortOrder: 'ASC', nameRu: 'ASC' } });
    return rows.map(toAdminCategory);
  }

  async create(actor: Actor, dto: CreateCategoryDto): Promise<AdminCategoryDto> {
    return this.tx.run(async (m) => {
      const errors: FieldError[] = [];
      const parentId = dto.parentId ?? null;
      if (parentId) {
        const parent = await m.findOne(Category, { where: { id: parentId }, lock: { mode: 'pessimistic_write' } });
        if (!parent || parent.parentId !== null) errors.push({ field: 'parentId', code: 'invalid_parent', message: 'the parent must be a top-level category' });
      }
      await this.checkDepartment(m, dto.departmentId ?? null, errors);
      if (dto.extraFieldsSchema) errors.push(...checkExtraFieldsSchema(dto.extraFieldsSchema, 'extraFieldsSchema'));
      if (errors.length > 0) throw new ValidationFailedError(errors);
      if (await m.existsBy(Category, { code: dto.code })) throw new ConflictError('category_code_taken');
      const [{ next }] = await m.query<{ next: number }[]>(
        `SELECT COALESCE(MAX(sort_order) + 1, 0)::int AS next FROM categories WHERE parent_id IS NOT DISTINCT FROM $1`,
        [parentId],
      );
      const category = m.create(Category, {
        code: dto.code,
        nameRu: dto.nameRu,
        nameEn: dto.nameEn,
        parentId,
        appealTypes: dto.appealTypes ?? null,
        departmentId: dto.departmentId ?? null,
        priority: dto.priority ?? false,
        totkCode: dto.totkCode ?? null,
        extraFieldsSchema: dto.extraFieldsSchema ?? null,
        schemaVersion: dto.extraFieldsSchema ? 1 : null,
        sortOrder: next,
        active: true,
      });
      const saved = await m.save(Category, category);
      if (dto.extraFieldsSchema) await m.save(CategorySchemaVersion, m.create(CategorySchemaVersion, { categoryId: saved.id, version: 1, schema: dto.extraFieldsSchema, createdBy: actor.userId }));
      await this.audit.record(m, actor, {
        action: 'category.create',
        entityType: 'category',
        entityId: saved.id,
        details: { code: saved.code },
        change: { before: null, after: auditFields(saved) },
      });
      return toAdminCategory(saved);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCategoryDto): Promise<AdminCategoryDto> {
    return this.changed(actor, id, 'category.update', async (m, category) => {
      const errors: FieldError[] = [];
      if (dto.departmentId !== undefined) await this.checkDepartment(m, dto.departmentId, errors);
      if (errors.length > 0) throw new ValidationFailedError(errors);
      if (dto.nameRu !== undefined) category.nameRu = dto.nameRu;
      if (dto.nameEn !== undefined) category.nameEn = dto.nameEn;
      if (dto.appealTypes !== undefined) category.appealTypes = dto.appealTypes;
      if (dto.departmentId !== undefined) category.departmentId = dto.departmentId;
      if (dto.priority !== undefined) category.priority = dto.priority;
      if (dto.totkCode !== undefined) category.totkCode = dto.totkCode;
    });
  }

  /** Retired categories are not offered for filing; appeals filed under them keep them. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<AdminCategoryDto> {
    return this.changed(actor, id, active ? 'category.reinstate' : 'category.retire', async (m, category) => {
      if (active && category.parentId) {
        const parent = await m.findOneBy(Category, { id: category.parentId });
        if (!parent?.active) throw new ConflictError('category_parent_retired');
      }
      category.active = active;
    });
  }

  /**
   * A new version of the extra-field schema (or none: null). The same schema again changes
   * nothing (a retried request makes no second version). Appeals already filed keep theirs.
   */
  async setSchema(actor: Actor, id: string, schema: Record<string, unknown> | null): Promise<AdminCategoryDto> {
    if (schema) {
      const errors = checkExtraFieldsSchema(schema);
      if (errors.length > 0) throw new ValidationFailedError(errors);
    }
    return this.changed(actor, id, 'category.schema', async (m, category) => {
      if (isDeepStrictEqual(category.extraFieldsSchema, schema)) return false;
      category.extraFieldsSchema = schema;
      if (!schema) {
        category.schemaVersion = null;
        return;
      }
      const [{ next }] = await m.query<{ next: number }[]>(`SELECT COALESCE(MAX(version), 0) + 1 AS next FROM category_schema_versions WHERE category_id = $1`, [id]);
      await m.save(CategorySchemaVersion, m.create(CategorySchemaVersion, { categoryId: id, version: next, schema, createdBy: actor.userId }));
      category.schemaVersion = next;
    });
  }

  async schemaVersions(id: string): Promise<CategorySchemaVersionDto[]> {
    if (!(await this.tx.manager.existsBy(Category, { id }))) throw new NotFoundError('category');
    const rows = await this.tx.manager.find(CategorySchemaVersion, { where: { categoryId: id }, order: { version: 'DESC' } });
    return rows.map((v) => ({ version: v.version, schema: v.schema, createdAt: v.createdAt.toISOString(), createdBy: v.createdBy }));
  }

  /** Puts the children of one parent (or the top level) in the given order; the list must name every one of them. */
  async reorder(actor: Actor, dto: ReorderCategoriesDto): Promise<CategoryOrderDto> {
    return this.tx.run(async (m) => {
      const siblings = await m.find(Category, {
        where: { parentId: dto.parentId ?? IsNull() },
        order: { sortOrder: 'ASC', nameRu: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (dto.parentId && siblings.length === 0 && !(await m.existsBy(Category, { id: dto.parentId }))) throw new NotFoundError('category');
      const known = new Set(siblings.map((c) => c.id));
      if (dto.ids.length !== siblings.length || dto.ids.some((id) => !known.has(id))) {
        throw new ValidationFailedError([{ field: 'ids', code: 'not_the_children', message: 'ids must list every child of the parent exactly once' }]);
      }
      const before = siblings.map((c) => c.id);
      for (const [i, id] of dto.ids.entries()) await m.update(Category, { id }, { sortOrder: i });
      await this.audit.record(m, actor, {
        action: 'category.reorder',
        entityType: 'category',
        entityId: dto.parentId,
        details: { parentId: dto.parentId, count: dto.ids.length },
        change: { before: { order: before }, after: { order: dto.ids } },
      });
      this.catalog.invalidate();
      return { parentId: dto.parentId, ids: dto.ids };
    });
  }

  /**
   * Locks the category, applies `change`, saves and audits before → after. A change that returns
   * false left nothing to do: no write, no audit row.
   */
  private async changed(actor: Actor, id: string, action: string, change: (m: EntityManager, c: Category) => Promise<boolean | void>): Promise<AdminCategoryDto> {
    const result = await this.tx.run(async (m) => {
      const category = await m.findOne(Category, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!category) throw new NotFoundError('category');
      const before = auditFields(category);
      if ((await change(m, category)) === false) return category;
      const saved = await m.save(Category, category);
      await this.audit.record(m, actor, {
        action,
        entityType: 'category',
        entityId: id,
        details: { code: saved.code },
        change: { before, after: auditFields(saved) },
      });
      return saved;
    });
    this.catalog.invalidate();
    return toAdminCategory(result);
  }

  private async checkDepartment(m: EntityManager, departmentId: string | null, errors: FieldError[]): Promise<void> {
    if (departmentId && !(await this.departments.exists(departmentId, m))) errors.push({ field: 'departmentId', code: 'invalid_department', message: '' });
  }
}
