// The demo province (cli demo --province): Heilongjiang's high court, three of its intermediate
// courts and four basic courts under each, with real court names. Codes follow the sync tests'
// scheme (J23 the high court, J2302 an intermediate court, J230201 a basic court under it); they
// are invented, not the courts' official codes.
//
// Each court has a pace (how far its work has got) and the number of days before "today" on which
// it last reported up; `silent` courts never report and `stale` is the court whose last report is
// 75 days old.

export type Pace = 'ahead' | 'steady' | 'behind' | 'farBehind';

export interface ProvinceCourt {
  code: string;
  name: string;
  level: 'high' | 'intermediate' | 'basic';
  parentCode: string;
  parentName: string;
  /** 辖区: the intermediate court's city or prefecture. */
  jurisdiction: string;
  operatorName: string;
  pace: Pace;
  /** Days before today the court's last report up was written; null: it never reported. */
  reportedDaysAgo: number | null;
}

/** How old the stale court's last report is. */
export const STALE_DAYS = 75;

export const PROVINCE_HIGH: ProvinceCourt = {
  code: 'J23',
  name: '黑龙江省高级人民法院',
  level: 'high',
  parentCode: '',
  parentName: '',
  jurisdiction: '黑龙江省',
  operatorName: '李处长',
  pace: 'steady',
  reportedDaysAgo: null,
};

const intermediate = (
  code: string,
  name: string,
  jurisdiction: string,
  operatorName: string,
  pace: Pace,
): ProvinceCourt => ({
  code,
  name,
  level: 'intermediate',
  parentCode: PROVINCE_HIGH.code,
  parentName: PROVINCE_HIGH.name,
  jurisdiction,
  operatorName,
  pace,
  reportedDaysAgo: 0,
});

export const PROVINCE_INTERMEDIATE: readonly ProvinceCourt[] = [
  intermediate('J2301', '哈尔滨市中级人民法院', '哈尔滨市', '张科长', 'steady'),
  intermediate('J2302', '齐齐哈尔市中级人民法院', '齐齐哈尔市', '赵科长', 'ahead'),
  intermediate('J2303', '牡丹江市中级人民法院', '牡丹江市', '周科长', 'behind'),
];

const basic = (
  parent: ProvinceCourt,
  code: string,
  name: string,
  operatorName: string,
  pace: Pace,
  reportedDaysAgo: number | null,
): ProvinceCourt => ({
  code,
  name,
  level: 'basic',
  parentCode: parent.code,
  parentName: parent.name,
  jurisdiction: parent.jurisdiction,
  operatorName,
  pace,
  reportedDaysAgo,
});

const [harbin, qiqihar, mudanjiang] = PROVINCE_INTERMEDIATE;

export const PROVINCE_BASIC: readonly ProvinceCourt[] = [
  basic(harbin, 'J230101', '哈尔滨市道里区人民法院', '刘书记员', 'ahead', 1),
  basic(harbin, 'J230102', '哈尔滨市南岗区人民法院', '陈书记员', 'steady', 2),
  basic(harbin, 'J230103', '哈尔滨市香坊区人民法院', '杨书记员', 'behind', 3),
  // Never reported: on the roster, its own folder, but nothing ever reached its superiors.
  basic(harbin, 'J230104', '五常市人民法院', '黄书记员', 'behind', null),
  basic(qiqihar, 'J230201', '龙江县人民法院', '王书记员', 'ahead', 1),
  basic(qiqihar, 'J230202', '讷河市人民法院', '孙书记员', 'steady', 2),
  basic(qiqihar, 'J230203', '依安县人民法院', '马书记员', 'farBehind', 4),
  basic(qiqihar, 'J230204', '齐齐哈尔市龙沙区人民法院', '朱书记员', 'steady', 12),
  basic(mudanjiang, 'J230301', '牡丹江市东安区人民法院', '胡书记员', 'steady', 1),
  // Stale: its last report is STALE_DAYS old.
  basic(mudanjiang, 'J230302', '海林市人民法院', '郭书记员', 'behind', STALE_DAYS),
  basic(mudanjiang, 'J230303', '宁安市人民法院', '林书记员', 'farBehind', 2),
  basic(mudanjiang, 'J230304', '穆棱市人民法院', '何书记员', 'ahead', 3),
];

export const PROVINCE_COURTS: readonly ProvinceCourt[] = [PROVINCE_HIGH, ...PROVINCE_INTERMEDIATE, ...PROVINCE_BASIC];

/** The password of every demo account (printed by the command; a demo has nothing to protect). */
export const DEMO_PASSWORD = 'Demo2026';
export const DEMO_USERNAME = 'admin';
