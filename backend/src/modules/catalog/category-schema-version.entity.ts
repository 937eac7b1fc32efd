import { Check, Column, CreateDateColumn, Entity, ForeignKey, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Category } from './category.entity';

/**
 * One version of a category's extra-field JSON Schema. Versions are never changed or removed: an
 * appeal names the version it was filed under (appeals.extra_fields_schema_version), so its
 * fields can always be read against the form the citizen saw.
 */
@Entity('category_schema_versions')
@Check('category_schema_versions_version_check', 'version > 0')
export class CategorySchemaVersion {
  @PrimaryColumn({ name: 'category_id', type: 'uuid', primaryKeyConstraintName: 'category_schema_versions_pkey' }) categoryId: string;
  @ManyToOne(() => Category, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'category_schema_versions_category_id_fkey' })
  category?: Category;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'category_schema_versions_pkey' }) version: number;
  @Column({ type: 'jsonb' }) schema: Record<string, any>;
  @ForeignKey('User', { name: 'category_schema_versions_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
