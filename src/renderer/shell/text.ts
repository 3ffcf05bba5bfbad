// Words of the app frame: the header, the user menu and the navigation.
export const shellText = {
  appName: '专项活动督导台',
  navBoard: '本院挂图',
  navWork: '我的待办',
  navCampaigns: '专项活动',
  navLookbacks: '回头看',
  navUsers: '用户管理',
  navSync: '同步',
  navSubordinates: '应报法院',
  navAudit: '审计日志',
  navSettings: '设置',
  userMenu: '账户菜单',
  userOf: (username: string, department: string) => `${username} · ${department}`,
  changePassword: '修改密码',
  signOut: '退出登录',
};
