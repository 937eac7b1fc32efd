import { Check, Column, Entity, ForeignKey, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AppealType } from '@otklik/shared/domain';

/** A category or (with a parent) a subcategory of appeals. */
@Entity('categories')
@Unique('categories_code_key', ['code'])
@Check('categories_totk_code_check', `totk_code ~ '^[0-9]{4}(\\.[0-9]{4}){0,4}$'`)
export class Category {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'categories_pkey' }) id: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @ManyToOne(() => Category, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'categories_parent_id_fkey' })
  parent?: Category;
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn: string;
  /** Where appeals of this category go; null → the parent's department, else the general pool. */
  @ForeignKey('Department', { name: 'categories_department_id_fkey' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  /** Appeal types this category serves; null → every intake type except gratitude. */
  @Column({ name: 'appeal_types', type: 'text', array: true, nullable: true }) appealTypes: AppealType[] | null;
  /** JSON Schema of the category's extra fields, validated at intake. */
  @Column({ name: 'extra_fields_schema', type: 'jsonb', nullable: true }) extraFieldsSchema: Record<string, any> | null;
  /** The version of extraFieldsSchema (category_schema_versions); null while the category has none. */
  @Column({ name: 'schema_version', type: 'integer', nullable: true }) schemaVersion: number | null;
  /** Priority categories get a 2-hour first reaction instead of 24 hours. */
  @Column({ type: 'boolean', default: false }) priority: boolean;
  @Column({ name: 'sort_order', type: 'integer', default: 0 }) sortOrder: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** The category's code in the ТОТК thematic classifier (admin-set); the statutory report groups topics by it. */
  @Column({ name: 'totk_code', type: 'text', nullable: true }) totkCode: string | null;
}
