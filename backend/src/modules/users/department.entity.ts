import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A department of the body; departments form a tree (escalation goes to the parent). */
@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column({ name: 'name_ru' }) nameRu: string;
  @Column({ name: 'name_en' }) nameEn: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  /** The general pool (общий пул): appeals no category routes anywhere land here for triage. */
  @Column({ name: 'is_general_pool', default: false }) isGeneralPool: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
