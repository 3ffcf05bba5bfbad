// 恢复包: plain data of the recovery from the parent court (filled in by the recovery feature).
export {};
