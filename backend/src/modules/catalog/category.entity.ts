import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AppealType } from '@otklik/shared/domain';

/** A category or (with a parent) a subcategory of appeals. */
@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column() code: string;
  @Column({ name: 'name_ru' }) nameRu: string;
  @Column({ name: 'name_en' }) nameEn: string;
  /** Where appeals of this category go; null → the parent's department, else the general pool. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  /** Appeal types this category serves; null → every intake type except gratitude. */
  @Column({ name: 'appeal_types', type: 'text', array: true, nullable: true }) appealTypes: AppealType[] | null;
  /** JSON Schema of the category's extra fields, validated at intake. */
  @Column({ name: 'extra_fields_schema', type: 'jsonb', nullable: true }) extraFieldsSchema: Record<string, any> | null;
  /** Priority categories get a 2-hour first reaction instead of 24 hours. */
  @Column({ default: false }) priority: boolean;
  @Column({ name: 'sort_order', default: 0 }) sortOrder: number;
  @Column({ default: true }) active: boolean;
}
