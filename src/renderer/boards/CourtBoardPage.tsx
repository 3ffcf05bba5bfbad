// 本院挂图: every active campaign of this court at a glance (placeholder until built).
export function CourtBoardPage() {
  return null;
}
