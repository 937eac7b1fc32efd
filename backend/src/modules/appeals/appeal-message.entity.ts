import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@otklik/shared/domain';
import { Appeal } from './appeal.entity';

/** A message in an appeal's thread; `internal` notes are for staff only. */
@Entity('appeal_messages')
@Index('appeal_messages_appeal', { synchronize: false })
export class AppealMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'appeal_messages_pkey' }) id: string;
  @Column({ name: 'appeal_id', type: 'uuid' }) appealId: string;
  @ManyToOne(() => Appeal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appeal_id', foreignKeyConstraintName: 'appeal_messages_appeal_id_fkey' })
  appeal?: Appeal;
  @ForeignKey('User', { name: 'appeal_messages_author_id_fkey' })
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'author_role', type: 'text' }) authorRole: Role;
  @Column({ name: 'author_name', type: 'text' }) authorName: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'boolean', default: false }) internal: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()', insert: false }) createdAt: Date;
}
