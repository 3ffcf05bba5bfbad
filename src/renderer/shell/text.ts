export const shellText = {
  appName: '专项活动督导台',
  operator: '经办人',
  navCampaigns: '专项活动',
  navAudit: '审计日志',
  navSettings: '设置',
};
