// 恢复包: rebuilding a court from what its parent court holds after a disk failure with no backup.
// (Operations are added by the recovery feature.)
export const recoveryOperations = {};
