// The demo court's departments and people: court leaders who lead items (牵头院领导), department
// heads who answer for them (责任人), and the reviewers who sign them off (审核人).
// All names are invented.

export const DEPARTMENTS = {
  lian: '立案庭',
  xingshi: '刑事审判庭',
  minyi: '民事审判第一庭',
  miner: '民事审判第二庭',
  xingzheng: '行政审判庭',
  shenjian: '审判监督庭',
  zhixing: '执行局',
  shenguan: '审判管理办公室',
  zhengzhi: '政治部',
  bangong: '办公室',
  yanjiu: '研究室',
  jijian: '纪检监察室',
  fajing: '司法警察大队',
  fating: '城关人民法庭',
} as const;

export type DeptKey = keyof typeof DEPARTMENTS;

export interface DemoPerson {
  name: string;
  title: string;
  dept: DeptKey | null;
}

export const PEOPLE = {
  // 院领导
  president: { name: '陈立华', title: '党组书记、院长', dept: null },
  execVp: { name: '王建军', title: '党组副书记、常务副院长', dept: null },
  civilVp: { name: '刘晓梅', title: '党组成员、副院长', dept: null },
  criminalVp: { name: '赵国强', title: '党组成员、副院长', dept: null },
  disciplineChief: { name: '周文博', title: '党组成员、纪检组长', dept: null },
  enforcementChief: { name: '孙海涛', title: '党组成员、执行局局长', dept: 'zhixing' },
  politicalChief: { name: '吴丽娟', title: '党组成员、政治部主任', dept: 'zhengzhi' },
  // 部门负责人
  lianHead: { name: '郑雪', title: '立案庭庭长', dept: 'lian' },
  xingshiHead: { name: '冯志刚', title: '刑事审判庭庭长', dept: 'xingshi' },
  minyiHead: { name: '何静', title: '民事审判第一庭庭长', dept: 'minyi' },
  minerHead: { name: '马骏', title: '民事审判第二庭庭长', dept: 'miner' },
  xingzhengHead: { name: '高红', title: '行政审判庭庭长', dept: 'xingzheng' },
  shenjianHead: { name: '林涛', title: '审判监督庭庭长', dept: 'shenjian' },
  zhixingDeputy: { name: '罗斌', title: '执行局副局长', dept: 'zhixing' },
  shenguanHead: { name: '曹敏', title: '审判管理办公室主任', dept: 'shenguan' },
  zhengzhiStaff: { name: '宋佳', title: '政治部宣传教育科科长', dept: 'zhengzhi' },
  bangongHead: { name: '许文', title: '办公室主任', dept: 'bangong' },
  yanjiuHead: { name: '邓宇', title: '研究室主任', dept: 'yanjiu' },
  jijianHead: { name: '韩冰', title: '纪检监察室主任', dept: 'jijian' },
  fajingHead: { name: '唐勇', title: '司法警察大队大队长', dept: 'fajing' },
  fatingHead: { name: '谢磊', title: '城关人民法庭庭长', dept: 'fating' },
  // 审核人
  reviewer: { name: '杨帆', title: '能力作风建设领导小组办公室督查专员（销号审核人）', dept: 'bangong' },
} satisfies Record<string, DemoPerson>;

export type PersonKey = keyof typeof PEOPLE;

/** Who answers for a department's items unless an item names someone else. */
export const DEPARTMENT_HEADS: Record<DeptKey, PersonKey> = {
  lian: 'lianHead',
  xingshi: 'xingshiHead',
  minyi: 'minyiHead',
  miner: 'minerHead',
  xingzheng: 'xingzhengHead',
  shenjian: 'shenjianHead',
  zhixing: 'zhixingDeputy',
  shenguan: 'shenguanHead',
  zhengzhi: 'zhengzhiStaff',
  bangong: 'bangongHead',
  yanjiu: 'yanjiuHead',
  jijian: 'jijianHead',
  fajing: 'fajingHead',
  fating: 'fatingHead',
};
