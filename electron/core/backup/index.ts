/** The backup file layer (docs/BACKUP.md). No IPC, no UI: the core's handlers call these. */
export { BackupError, type BackupErrorCode } from './errors';
export { type BackupHeader, BACKUP_EXTENSION } from './format';
export { type BackupSecret } from './keys';
export { inspectBackup, openBackup, type OpenedBackup } from './open';
export { restoreBackup, undoRestore, type RestoreOptions, type RestoreResult, type RestoreStep } from './restore';
export { recoverInterruptedRestore, type RecoveryOutcome } from './swap-journal';
export { writeBackup, type BackupPhase, type BackupProgress, type WriteBackupOptions, type WrittenBackup } from './write';
export { discardStaged, stageRestore, swapStaged, type StagedRestore } from './restore';
export { listSetAside, type SetAsideClinic } from './set-aside';
export { REPLACED_PREFIX } from './swap-journal';
