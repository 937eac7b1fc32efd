import { DomainError } from '../../common/problem/domain-error';

export type UploadRejection =
  | 'file_empty'
  | 'file_too_large'
  | 'file_type_not_allowed'
  | 'file_type_mismatch'
  | 'file_markup'
  | 'file_corrupt'
  | 'file_zip_bomb'
  | 'file_macros'
  | 'file_name_invalid'
  | 'file_missing'
  | 'appeal_total_exceeded'
  | 'too_many_files'
  | 'daily_quota_exceeded'
  | 'malware_found';

/** A refused upload: 422 naming the file, the reason as a field error on `file`; nothing was kept. */
export class UploadRejectedError extends DomainError {
  constructor(
    readonly fileName: string,
    readonly reason: UploadRejection,
  ) {
    super(422, 'attachment_rejected', { file: fileName.slice(0, 200) }, [{ field: 'file', code: reason, message: '' }]);
  }
}
