import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** An appeal filed through Open311: which key filed it, for which service, and where (as the client said). */
@Entity('open311_requests')
@Unique('open311_requests_number_key', ['number'])
@Unique('open311_requests_token_key', ['token'])
@Check('open311_requests_lat_check', 'lat BETWEEN -90 AND 90')
@Check('open311_requests_long_check', 'long BETWEEN -180 AND 180')
@Index('open311_requests_requested_at_idx', ['requestedAt', 'number'])
export class Open311Request {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid', primaryKeyConstraintName: 'open311_requests_pkey' }) appealId: string;
  @Column({ type: 'bigint' }) number: string;
  @Column({ name: 'api_key_id', type: 'uuid' }) apiKeyId: string;
  @Column({ type: 'text' }) token: string;
  @Column({ name: 'service_code', type: 'text' }) serviceCode: string;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) long: number | null;
  @Column({ name: 'address_string', type: 'text', nullable: true }) addressString: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
}
