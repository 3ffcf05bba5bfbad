// 设置 → 备份与恢复 (placeholder: the backup screens replace it).
export function BackupSection() {
  return null;
}
