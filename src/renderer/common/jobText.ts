export const jobText = {
  progressLabel: '进度',
  starting: '正在开始…',
  cancel: '取消',
  done: '已完成',
  failed: '没有完成',
  cancelled: '已取消，没有写入任何数据。',
};
