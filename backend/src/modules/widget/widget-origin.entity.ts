import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** A web origin allowed to embed the citizen widget (CORS of the public routes answers only these). */
@Entity('widget_origins')
export class WidgetOrigin {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'widget_origins_pkey' }) origin: string;
  @ForeignKey('User', { name: 'widget_origins_created_by_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
