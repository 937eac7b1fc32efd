import { bool, Env, int } from './env-readers';

/**
 * Thresholds of the suspicious-activity signals (audit module). A `…_LOCK` of 0 never locks; N
 * locks the account pending review when the signal's count reaches N within its window.
 */
export interface AuditSignalsConfig {
  failedSignIns: { alertAt: number; lockAt: number; windowMinutes: number };
  reveals: { alertAt: number; lockAt: number; windowMinutes: number };
  /** An export of at least `rows` rows, or `count` exports by one account within the window. */
  exports: { rows: number; count: number; windowMinutes: number };
  /** A staff sign-in from a network (IPv4 /24, IPv6 /48) the account never signed in from. */
  newNetwork: boolean;
  /** PD_ACCESS_SHOW_STAFF_NAMES: the citizen's personal-data access log names the staff member. */
  showStaffNamesToCitizen: boolean;
}

export function auditSignalsConfig(env: Env): AuditSignalsConfig {
  return {
    failedSignIns: {
      alertAt: int(env, 'AUDIT_FAILED_SIGNINS_ALERT', 10, 1, 10000),
      lockAt: int(env, 'AUDIT_FAILED_SIGNINS_LOCK', 0, 0, 10000),
      windowMinutes: int(env, 'AUDIT_FAILED_SIGNINS_WINDOW_MINUTES', 15, 1, 1440),
    },
    reveals: {
      alertAt: int(env, 'AUDIT_REVEALS_ALERT', 50, 1, 100000),
      lockAt: int(env, 'AUDIT_REVEALS_LOCK', 0, 0, 100000),
      windowMinutes: int(env, 'AUDIT_REVEALS_WINDOW_MINUTES', 5, 1, 1440),
    },
    exports: {
      rows: int(env, 'AUDIT_BULK_EXPORT_ROWS', 1000, 1, 10_000_000),
      count: int(env, 'AUDIT_BULK_EXPORT_COUNT', 20, 1, 100000),
      windowMinutes: int(env, 'AUDIT_BULK_EXPORT_WINDOW_MINUTES', 60, 1, 1440),
    },
    newNetwork: bool(env, 'AUDIT_NEW_NETWORK_ALERT', true),
    showStaffNamesToCitizen: bool(env, 'PD_ACCESS_SHOW_STAFF_NAMES', false),
  };
}

/** The hash chain's cadence and the audit log's partitions (audit-sealer.service.ts, audit-seal-scheduler.ts). */
export interface AuditChainConfig {
  /** AUDIT_SEAL_INTERVAL_MS: how often the sealer appends written rows to the chain. */
  sealIntervalMs: number;
  /** AUDIT_CHECKPOINT_INTERVAL_SECONDS: at most one signed checkpoint per interval (when the chain has grown). */
  checkpointIntervalSeconds: number;
  /** AUDIT_PARTITION_MONTHS_AHEAD: audit_log's monthly partitions are made this many months ahead. */
  partitionMonthsAhead: number;
}

export function auditChainConfig(env: Env): AuditChainConfig {
  return {
    sealIntervalMs: int(env, 'AUDIT_SEAL_INTERVAL_MS', 5000, 100, 3_600_000),
    checkpointIntervalSeconds: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60, 1, 86_400),
    partitionMonthsAhead: int(env, 'AUDIT_PARTITION_MONTHS_AHEAD', 3, 1, 24),
  };
}
