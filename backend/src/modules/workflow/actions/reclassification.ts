import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppealPriority, AppealType } from '@otklik/shared/domain';
import { FieldError } from '../../../common/problem/domain-error';
import { categoryTypes, CatalogService } from '../../catalog/catalog.service';
import type { Appeal } from '../../appeals/appeal.repository';

/** An appeal's classification: what the staff action reclassify (and the macro steps set-category / set-priority) change. */
export interface Classification {
  categoryId: string;
  subcategoryId: string | null;
  priority: AppealPriority;
}

/** A category as the catalog reads it (its entity is the catalog module's own). */
type Category = NonNullable<Awaited<ReturnType<CatalogService['findActive']>>>;

/** A category as a classification names it: the top-level category, and the subcategory when one was named. */
export interface ResolvedCategory {
  category: Category;
  subcategory: Category | null;
}

export const classificationOf = (a: Appeal): Classification => ({ categoryId: a.categoryId, subcategoryId: a.subcategoryId, priority: a.priority });

/**
 * Reclassification: a new category (an active one serving the appeal's type — a top-level one, or
 * a subcategory, which names its parent too) and/or a new priority.
 *
 * It does not re-route: the department, the assignee, the status and the SLA terms (the due date
 * and the first-reaction term, even where the new category is a «priority» one) stay as they are —
 * moving the appeal is the redirect action's, with its reason told to the citizen. The extra
 * fields keep the values filed under the old category (they were valid when filed).
 */
@Injectable()
export class Reclassification {
  constructor(private readonly catalog: CatalogService) {}

  /**
   * The category `id` names, if it is active and (its top-level one) active too; with `type`, it
   * must serve that type. Else the field error (unknown_category / category_type_mismatch).
   */
  async resolve(manager: EntityManager, id: string, type: AppealType | null, field: string): Promise<ResolvedCategory | FieldError> {
    const named = await this.catalog.findActive(manager, id);
    const parent = named?.parentId ? await this.catalog.findActive(manager, named.parentId) : null;
    const category = named?.parentId ? parent : named;
    if (!named || !category || category.parentId !== null) return { field, code: 'unknown_category', message: '' };
    if (type !== null && !categoryTypes(category).includes(type)) return { field, code: 'category_type_mismatch', message: '' };
    return { category, subcategory: named.parentId ? named : null };
  }

  /**
   * The classification after the change. The same top-level category keeps the subcategory the
   * appeal had; another one (without a subcategory named) clears it.
   */
  next(appeal: Appeal, resolved: ResolvedCategory | null, priority: AppealPriority | undefined): Classification {
    const before = classificationOf(appeal);
    const after = { ...before, priority: priority ?? before.priority };
    if (resolved && resolved.subcategory) return { ...after, categoryId: resolved.category.id, subcategoryId: resolved.subcategory.id };
    if (resolved && resolved.category.id !== before.categoryId) return { ...after, categoryId: resolved.category.id, subcategoryId: null };
    return after;
  }
}

export const isFieldError = (v: ResolvedCategory | FieldError): v is FieldError => 'code' in v;
