import { isAbsolute, join } from 'node:path';
import type { AppMode, AttachmentsConfig } from './app-config';
import { ConfigError, Env, int } from './env-readers';

/**
 * The document-management (СЭД) export (issue 19): where packages go and how often. With neither
 * SED_EXPORT_DIR nor SED_EXPORT_S3_PREFIX the export is off (the routes and the CLI answer that
 * it is not configured).
 */
export interface SedExportConfig {
  /** `dir`: SED_EXPORT_DIR; `s3`: SED_EXPORT_S3_PREFIX in the attachments' bucket (STORAGE=s3, S3_*); `off`: neither. */
  target: 'dir' | 's3' | 'off';
  /** SED_EXPORT_DIR (absolute, or relative to DATA_DIR). */
  dir?: string;
  /** SED_EXPORT_S3_PREFIX: key prefix without the trailing slash (e.g. `sed/exports`). */
  s3Prefix?: string;
  /** The bucket and its client settings (those of the attachments). */
  s3?: AttachmentsConfig['s3'];
  /** SED_EXPORT_INTERVAL_MINUTES: the scheduled run (0: none, the default; the CLI and the admin route still run one). */
  intervalMinutes: number;
  /** Where a package is put together before it is moved or uploaded (under DATA_DIR). */
  stagingDir: string;
}

export function sedExportConfig(env: Env, dataDir: string, attachments: AttachmentsConfig, mode: AppMode): SedExportConfig {
  const prefixSet = !!env.SED_EXPORT_S3_PREFIX?.trim();
  // Demo mode exports to DATA_DIR/sed-export unless told otherwise; production only where configured.
  const dir = env.SED_EXPORT_DIR?.trim() || (mode === 'demo' && !prefixSet ? 'sed-export' : undefined);
  const prefix = env.SED_EXPORT_S3_PREFIX?.trim() || undefined;
  if (dir && prefix) throw new ConfigError('SED_EXPORT_S3_PREFIX', 'and SED_EXPORT_DIR are exclusive: choose one target');
  const intervalMinutes = int(env, 'SED_EXPORT_INTERVAL_MINUTES', 0, 0, 7 * 24 * 60);
  const stagingDir = join(dataDir, 'sed-export-staging');
  if (prefix !== undefined) {
    if (!attachments.s3) throw new ConfigError('SED_EXPORT_S3_PREFIX', 'needs STORAGE=s3 and the S3_* variables (the package goes to that bucket)');
    if (!/^[A-Za-z0-9!_.*'()\-/]+$/.test(prefix) || prefix.startsWith('/') || prefix.includes('..')) {
      throw new ConfigError('SED_EXPORT_S3_PREFIX', `is not a usable key prefix: "${prefix}" (e.g. "sed/exports")`);
    }
    return { target: 's3', s3Prefix: prefix.replace(/\/+$/, ''), s3: attachments.s3, intervalMinutes, stagingDir };
  }
  if (dir !== undefined) return { target: 'dir', dir: isAbsolute(dir) ? dir : join(dataDir, dir), intervalMinutes, stagingDir };
  return { target: 'off', intervalMinutes, stagingDir };
}
