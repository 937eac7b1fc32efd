import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@otklik/shared/domain';

/** A message in an appeal's thread; `internal` notes are for staff only. */
@Entity('appeal_messages')
export class AppealMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'appeal_id', type: 'uuid' }) appealId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'author_role', type: 'text' }) authorRole: Role;
  @Column({ name: 'author_name' }) authorName: string;
  @Column() body: string;
  @Column() internal: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false }) createdAt: Date;
}
