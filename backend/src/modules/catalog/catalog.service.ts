import { Injectable } from '@nestjs/common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EntityManager } from 'typeorm';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES, AppealType, INTAKE_APPEAL_TYPES } from '@otklik/shared/domain';
import { FieldError } from '../../common/problem/domain-error';
import { DepartmentInfo, DepartmentTree } from '../users/department-tree.repository';
import { Category } from './category.entity';
import { AppealTypeDto, CategoryDto } from './catalog.dto';
import { TransactionRunner } from '../../database/transaction-runner';
import { SETTINGS_CACHE_MS, SettingsChanges } from '../../database/settings-changes';

/** How long a process trusts its copy of a category. */
export const CATALOG_CACHE_MS = SETTINGS_CACHE_MS;

const DEFAULT_TYPES = INTAKE_APPEAL_TYPES.filter((t) => t !== AppealType.Gratitude);

export function categoryTypes(category: Category): AppealType[] {
  return category.appealTypes ?? DEFAULT_TYPES;
}

/** Appeal types, the category tree and the validation of category extra fields. */
@Injectable()
export class CatalogService {
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false }));
  private readonly validators = new Map<string, { schema: string; validate: ValidateFunction }>();
  private readonly categoryCache = new Map<string, { value: Category | null; until: number }>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly departments: DepartmentTree,
    changes: SettingsChanges,
  ) {
    changes.watch(['categories'], () => this.invalidate());
  }

  appealTypes(): AppealTypeDto[] {
    return APPEAL_TYPES.map((code) => ({
      code,
      nameRu: APPEAL_TYPE_LABELS[code].ru,
      nameEn: APPEAL_TYPE_LABELS[code].en,
      intake: INTAKE_APPEAL_TYPES.includes(code),
    }));
  }

  async tree(type?: AppealType): Promise<CategoryDto[]> {
    const rows = await this.tx.manager.getRepository(Category).find({ where: { active: true }, order: { sortOrder: 'ASC', nameRu: 'ASC' } });
    const toDto = (c: Category): CategoryDto => ({
      id: c.id,
      code: c.code,
      nameRu: c.nameRu,
      nameEn: c.nameEn,
      appealTypes: categoryTypes(c),
      departmentId: c.departmentId,
      priority: c.priority,
      extraFieldsSchema: c.extraFieldsSchema,
      schemaVersion: c.schemaVersion,
      children: rows.filter((r) => r.parentId === c.id).map(toDto),
    });
    return rows.filter((c) => c.parentId === null && (!type || categoryTypes(c).includes(type))).map(toDto);
  }

  /**
   * An active category by id. Intake asks for it on every appeal, so categories are cached per
   * process; a change is announced to every process at its commit (SettingsChanges), and
   * CATALOG_CACHE_MS bounds the staleness while a process cannot hear it.
   */
  async findActive(manager: EntityManager, id: string): Promise<Category | null> {
    const cached = this.categoryCache.get(id);
    if (cached && cached.until > Date.now()) return cached.value;
    const value = await manager.findOneBy(Category, { id, active: true });
    this.categoryCache.set(id, { value, until: Date.now() + CATALOG_CACHE_MS });
    if (this.categoryCache.size > 10_000) this.categoryCache.clear();
    return value;
  }

  /** Every category's id, ordered by its Russian name (the queue sorts by category through it). */
  async categoryIdsByName(): Promise<string[]> {
    const rows = await this.tx.manager.getRepository(Category).find({ select: { id: true }, order: { nameRu: 'ASC', id: 'ASC' } });
    return rows.map((c) => c.id);
  }

  /** A category, active or not, as the catalogue administration and routing rules name it (no cache). */
  find(manager: EntityManager, id: string): Promise<Pick<Category, 'id' | 'parentId' | 'active'> | null> {
    return manager.findOne(Category, { where: { id }, select: { id: true, parentId: true, active: true } });
  }

  /**
   * What routing and the deadline maths need of a category or subcategory: its top-level
   * category, the subcategory (if `id` is one), the department the tree names (subcategory
   * first) and whether either is a priority one. Null when there is no such category.
   */
  async routingFacts(manager: EntityManager, id: string): Promise<{ categoryId: string; subcategoryId: string | null; departmentId: string | null; priority: boolean } | null> {
    const repo = manager.getRepository(Category);
    const own = await repo.findOne({ where: { id } });
    if (!own) return null;
    const parent = own.parentId ? await repo.findOne({ where: { id: own.parentId } }) : null;
    return {
      categoryId: parent ? parent.id : own.id,
      subcategoryId: parent ? own.id : null,
      departmentId: own.departmentId ?? parent?.departmentId ?? null,
      priority: own.priority || Boolean(parent?.priority),
    };
  }

  /** Forget this process's copies of categories (after an admin changed one). */
  invalidate(): void {
    this.categoryCache.clear();
  }

  /**
   * The category for appeals whose topic is not yet known (an e-mail): an active top-level category
   * without a department (it routes to the general pool), the first by position; null when none.
   */
  async vagueCategory(manager: EntityManager): Promise<Category | null> {
    return manager
      .getRepository(Category)
      .createQueryBuilder('c')
      .where('c.active AND c.parent_id IS NULL AND c.department_id IS NULL AND c.extra_fields_schema IS NULL')
      .orderBy('c.sort_order', 'ASC')
      .addOrderBy('c.code', 'ASC')
      .getOne();
  }

  /** The general pool (общий пул), where appeals that no category routes go: from the process's copy of the department tree. */
  async generalPool(): Promise<Readonly<DepartmentInfo> | null> {
    return [...(await this.departments.byId()).values()].find((d) => d.isGeneralPool) ?? null;
  }

  /** Validates extra fields against the category's JSON Schema; errors name `extraFields.<field>`. */
  validateExtraFields(category: Category, fields: Record<string, unknown>): FieldError[] {
    if (!category.extraFieldsSchema) {
      return Object.keys(fields).map((k) => ({ field: `extraFields.${k}`, code: 'unknown_field', message: 'This category has no extra fields' }));
    }
    const validate = this.compiled(category);
    if (validate(fields)) return [];
    return (validate.errors ?? []).map((e) => ({ field: this.fieldOf(e), code: 'schema', message: e.message ?? 'invalid' }));
  }

  private compiled(category: Category): ValidateFunction {
    const schema = JSON.stringify(category.extraFieldsSchema);
    const cached = this.validators.get(category.id);
    if (cached && cached.schema === schema) return cached.validate;
    const validate = this.ajv.compile(category.extraFieldsSchema!);
    this.validators.set(category.id, { schema, validate });
    return validate;
  }

  private fieldOf(e: ErrorObject): string {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : undefined;
    const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
    const leaf = [path, missing ?? extra].filter(Boolean).join('.');
    return leaf ? `extraFields.${leaf}` : 'extraFields';
  }
}
