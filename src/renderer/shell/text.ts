export const shellText = {
  appName: '专项活动督导台',
  operator: '经办人',
  navWork: '我的待办',
  navCampaigns: '专项活动',
  navLookbacks: '回头看',
  navUsers: '用户管理',
  navAudit: '审计日志',
  navSettings: '设置',
};
