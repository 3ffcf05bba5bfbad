export const auditPageText = {
  title: '审计日志',
  subtitle:
    '每一次新建、修改、删除，以及登录和被拒绝的越权操作，都按时间顺序记录，并以哈希链相连，任何改动、插入或删除都能被发现。',
  verify: '校验完整性',
  verifying: '正在校验…',
  intact: '完整',
  intactText: (n: number, files: number) =>
    `已校验数据库文件、${n} 条审计记录和 ${files} 个佐证材料文件，没有发现改动、插入、删除、缺失或损坏。`,
  broken: '发现问题',
  brokenText: (n: number, files: number, p: number) =>
    `已校验数据库文件、${n} 条审计记录和 ${files} 个佐证材料文件，发现 ${p} 处问题：`,
  loadMore: '加载更早的记录',
  shown: (n: number) => `已显示最近 ${n} 条`,
  allShown: (n: number) => `共 ${n} 条，已全部显示`,
  empty: '还没有审计记录。',
  seq: (n: number) => `第 ${n} 条`,
  loadFailed: '审计日志加载失败',
  verifyFailed: '校验没有完成',
};
