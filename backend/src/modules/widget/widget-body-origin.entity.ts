import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** A web origin allowed to embed the citizen widget for one body (a top-level department). */
@Entity('widget_body_origins')
export class WidgetBodyOrigin {
  @ForeignKey('Department', { name: 'widget_body_origins_body_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'body_id', type: 'uuid', primaryKeyConstraintName: 'widget_body_origins_pkey' }) bodyId: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'widget_body_origins_pkey' }) origin: string;
  @ForeignKey('User', { name: 'widget_body_origins_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
