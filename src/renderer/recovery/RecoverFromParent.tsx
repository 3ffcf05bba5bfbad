// 用上级法院的恢复包恢复 on the set-up screen (placeholder: the recovery screens replace it).
export function RecoverFromParent(_props: { onRecovered(): void }) {
  return null;
}
