// The court itself: what the app reports about itself, the court profile set up on first start
// (本院信息), its departments and people.
import * as z from 'zod';
import { ADMIN, defineOperation } from '../contract';
import { byVersionedId, courtCode, empty, optionalText, requiredText, rowId, version } from '../common/schemas';
import { newPassword, username } from '../access/accessContract';
import { type AppInfo, courtLevels, type CourtProfile, type Department, type Person } from './courtModel';

export const courtSetupInput = z
  .object({
    name: requiredText(60, '法院名称').refine((v) => /法院|法庭/.test(v), '法院名称应包含“法院”或“法庭”'),
    code: courtCode,
    level: z.enum(courtLevels, { error: '请选择法院层级' }),
    parentCode: z
      .union([courtCode, z.literal('')])
      .optional()
      .default(''),
    parentName: optionalText(60, '上级法院名称'),
    operatorName: requiredText(20, '经办人姓名'),
  })
  .superRefine((value, ctx) => {
    if (value.level !== 'high') {
      if (!value.parentCode)
        ctx.addIssue({ code: 'custom', path: ['parentCode'], message: '请填写上级法院代码（高级人民法院可不填）' });
      if (!value.parentName)
        ctx.addIssue({ code: 'custom', path: ['parentName'], message: '请填写上级法院名称（高级人民法院可不填）' });
    }
    if (value.parentCode && value.parentCode === value.code) {
      ctx.addIssue({ code: 'custom', path: ['parentCode'], message: '上级法院代码不能与本院代码相同' });
    }
  });

export const courtOperations = {
  'app.info': defineOperation<AppInfo>()(empty, 'public'),
  'court.get': defineOperation<CourtProfile | null>()(empty, 'public'),
  'court.setup': defineOperation<{ profile: CourtProfile; demoJobId: string | null }>()(
    z.object({
      profile: courtSetupInput,
      /** The first account: an administrator (and reviewer), named after the operator. */
      admin: z.object({ username, password: newPassword }),
      loadDemo: z.boolean().optional().default(false),
    }),
    'public',
  ),
  'court.update': defineOperation<CourtProfile>()(courtSetupInput, ADMIN),
  'departments.list': defineOperation<Department[]>()(empty, 'user'),
  'departments.create': defineOperation<Department>()(
    z.object({ name: requiredText(40, '部门名称'), headName: optionalText(20, '部门负责人') }),
    ADMIN,
  ),
  'departments.update': defineOperation<Department>()(
    z.object({
      id: rowId,
      version,
      name: requiredText(40, '部门名称'),
      headName: optionalText(20, '部门负责人'),
    }),
    ADMIN,
  ),
  'departments.delete': defineOperation<{ id: string }>()(byVersionedId, ADMIN),
  'people.list': defineOperation<Person[]>()(empty, 'user'),
  'people.create': defineOperation<Person>()(
    z.object({
      name: requiredText(20, '姓名'),
      title: optionalText(40, '职务'),
      departmentId: z.union([rowId, z.null()]).optional().default(null),
    }),
    ADMIN,
  ),
  'people.update': defineOperation<Person>()(
    z.object({
      id: rowId,
      version,
      name: requiredText(20, '姓名'),
      title: optionalText(40, '职务'),
      departmentId: z.union([rowId, z.null()]).optional().default(null),
    }),
    ADMIN,
  ),
  'people.delete': defineOperation<{ id: string }>()(byVersionedId, ADMIN),
};
