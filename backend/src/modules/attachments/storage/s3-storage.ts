import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3Sdk } from '../../../common/net/s3-sdk';
import { AttachmentsConfig } from '../../../config/app-config';
import { assertKey, ObjectStorage } from './object-storage';

const PREFIX = 'attachments/';

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Ceph, Yandex Object Storage) under
 * `attachments/<key>`. The encrypted upload is spooled to a local file first, so the PUT has a
 * known length and a rejected file never reaches the bucket.
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly name = 's3' as const;
  /** The SDK, required with the first instance (see s3Sdk). */
  private readonly sdk = s3Sdk();
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: NonNullable<AttachmentsConfig['s3']>) {
    this.bucket = config.bucket;
    this.client = new this.sdk.S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Plain signed PUTs: many S3-compatible servers do not take the SDK's default
      // aws-chunked checksum trailers. Integrity is ours anyway (GCM tag, SHA-256).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async putFile(key: string, path: string, size: number): Promise<void> {
    assertKey(key);
    try {
      await this.client.send(
        new this.sdk.PutObjectCommand({
          Bucket: this.bucket,
          Key: PREFIX + key,
          Body: createReadStream(path),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    } finally {
      await rm(path, { force: true });
    }
  }

  async putBuffer(key: string, data: Buffer): Promise<void> {
    assertKey(key);
    await this.client.send(new this.sdk.PutObjectCommand({ Bucket: this.bucket, Key: PREFIX + key, Body: data, ContentType: 'application/octet-stream' }));
  }

  async get(key: string): Promise<Readable> {
    assertKey(key);
    const out = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: PREFIX + key }));
    if (!(out.Body instanceof Readable)) throw new Error('S3 returned no body stream');
    return out.Body;
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: PREFIX + key }));
  }

  async check(): Promise<void> {
    await this.client.send(new this.sdk.HeadBucketCommand({ Bucket: this.bucket }));
  }
}
