// 导出诊断信息: what the saved zip is. Plain data that crosses the process boundary.

export interface DiagnosticsFile {
  /** 诊断信息-<court code>-<yyyy-mm-dd-HHmm>.zip, or with （2）… when that name was taken. */
  fileName: string;
  path: string;
  bytes: number;
  /** The names inside the zip (logs/…, versions.json, integrity.json, …). */
  entries: string[];
}
