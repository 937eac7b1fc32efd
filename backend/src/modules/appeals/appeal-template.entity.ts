import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AppealDraft } from './dto/appeal-template.dto';

/** A citizen's saved appeal template (issue 18): the fields of a new appeal to start from. Only its owner sees it. */
@Entity('appeal_templates')
@Index('appeal_templates_citizen', { synchronize: false })
export class AppealTemplate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeal_templates_pkey' }) id: string;
  @ForeignKey('User', { name: 'appeal_templates_citizen_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ type: 'text' }) name: string;
  /** The draft body (type, category, subject, text, extra fields): what POST /appeals takes, without contacts or files. */
  @Column({ type: 'jsonb' }) draft: AppealDraft;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
