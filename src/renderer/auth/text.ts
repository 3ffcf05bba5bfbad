// Words of the log-in screens, the password forms and the role names the renderer shows.
import type { Role } from '../../shared/model';

/** Role names as people read them (the main process keeps its own copy for its messages). */
export const roleText: Record<Role, string> = { admin: '管理员', reviewer: '审核人', filer: '填报人' };

/** What each role may do, for the role pickers. */
export const roleHint: Record<Role, string> = {
  admin: '管理本院信息、部门和用户账户',
  reviewer: '审核查摆报告，对事项和整改措施销号',
  filer: '填报本部门的事项、报告和整改台账',
};

export const roleColor: Record<Role, string> = { admin: 'red', reviewer: 'teal', filer: 'court' };

/** Roles in the order they are listed everywhere. */
export const roleOrder: Role[] = ['admin', 'reviewer', 'filer'];

export const authText = {
  appName: '专项活动督导台',
  loginPageTitle: '登录',
  // log-in
  username: '用户名',
  usernamePlaceholder: '请输入用户名',
  usernameHint: '登录时使用',
  password: '密码',
  passwordPlaceholder: '请输入密码',
  login: '登录',
  forgotHint: '忘记密码或账户被锁定，请联系本院管理员重置密码。',
  // first administrator (a database from before accounts existed)
  bootstrapTitle: '创建第一个管理员账户',
  bootstrapIntro: '本机还没有任何用户账户。请先创建管理员账户，此后用它登录，并在“用户管理”中为同事开设账户。',
  displayName: '姓名',
  displayNameHint: '操作记录中显示的姓名',
  bootstrapSubmit: '创建并登录',
  // passwords
  currentPassword: '原密码',
  temporaryPassword: '临时密码',
  newPassword: '新密码',
  confirmPassword: '确认新密码',
  confirmPasswordShort: '确认密码',
  passwordRule: '至少 8 位，须同时包含字母和数字',
  togglePassword: '显示或隐藏密码',
  passwordMismatch: '两次输入的密码不一致',
  sameAsCurrent: '新密码不能与原密码相同',
  forcedTitle: '请修改密码',
  forcedIntro: (name: string) =>
    `${name}，您正在使用管理员设置的临时密码。为了账户安全，请先设置您自己的密码，然后才能进入督导台。`,
  forcedSubmit: '修改密码并进入',
  otherAccount: '换一个账户登录',
  changeTitle: '修改密码',
  changeSubmit: '修改密码',
  changed: '密码已修改，下次登录请使用新密码。',
  formError: '请按提示修改标红的内容。',
  required: (label: string) => `请填写${label}`,
};
