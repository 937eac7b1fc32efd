import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { Open311ApiKey } from './open311-api-key.entity';

/** An appeal filed through Open311: which key filed it, for which service, and where (as the client said). */
@Entity('open311_requests')
@Unique('open311_requests_number_key', ['number'])
@Unique('open311_requests_token_key', ['token'])
@Check('open311_requests_lat_check', 'lat BETWEEN -90 AND 90')
@Check('open311_requests_long_check', 'long BETWEEN -180 AND 180')
@Index('open311_requests_requested_at_idx', ['requestedAt', 'number'])
export class Open311Request {
  @ForeignKey('Appeal', { name: 'open311_requests_appeal_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid', primaryKeyConstraintName: 'open311_requests_pkey' }) appealId: string;
  @Column({ type: 'bigint' }) number: string;
  @ForeignKey(() => Open311ApiKey, { name: 'open311_requests_api_key_id_fkey' })
  @Column({ name: 'api_key_id', type: 'uuid' }) apiKeyId: string;
  @Column({ type: 'text' }) token: string;
  @Column({ name: 'service_code', type: 'text' }) serviceCode: string;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) long: number | null;
  @Column({ name: 'address_string', type: 'text', nullable: true }) addressString: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
}
