import type * as S3 from '@aws-sdk/client-s3';

let sdk: typeof S3 | undefined;

/**
 * The AWS S3 client (~21 MB of RSS), required when an S3 attachment storage or СЭД export target
 * is built rather than at boot: a process on local storage never loads it. Type-only imports of
 * '@aws-sdk/client-s3' stay free.
 */
export function s3Sdk(): typeof S3 {
  return (sdk ??= require('@aws-sdk/client-s3') as typeof S3);
}
