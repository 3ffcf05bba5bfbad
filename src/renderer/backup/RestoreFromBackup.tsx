// 从备份恢复 on the set-up screen (placeholder: the backup screens replace it).
export function RestoreFromBackup(_props: { onRestored(): void }) {
  return null;
}
