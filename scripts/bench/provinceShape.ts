// The benchmark province (issue 4): one high court, intermediate courts with ten basic courts
// each, and the sizes every court's own work is filled to. Shared by the build, the measured
// steps and the orchestrator, so that all of them agree on codes, names and folders.
import path from 'node:path';

/** The departments and leaders every bench court is filled with. */
export const DEPARTMENTS = [
  '立案庭',
  '刑事审判庭',
  '民事审判第一庭',
  '民事审判第二庭',
  '行政审判庭',
  '审判监督庭',
  '执行局',
  '审判管理办公室',
  '政治部',
  '办公室',
  '研究室',
  '纪检监察室',
  '司法警察大队',
  '城关人民法庭',
];
export const LEADERS = ['陈立华', '王建军', '刘晓梅', '赵国强', '孙海涛', '吴丽娟', '周文博'];

export const ITEMS_PER_CAMPAIGN = 300;
/** One progress note per month of the year, for every item. */
export const NOTE_MONTHS = 12;
export const CAMPAIGN_YEAR = 2026;
/** Mandatory items the high court defines per campaign; each court adds its own up to 300. */
export const MANDATORY_PER_CAMPAIGN = 20;
export const TOP_SECTIONS = 4;
export const CHILD_SECTIONS = 3;
export const BASICS_PER_INTERMEDIATE = 10;
/** Every engine call sees the same "now", so bundle names and history are reproducible. */
export const BENCH_NOW = '2026-12-28T10:00:00+08:00';

export const CAMPAIGN_TITLES = [
  '能力作风建设年',
  '清廉法院建设专项活动',
  '执行攻坚专项行动',
  '巡视整改专项活动',
  '审判质效提升年',
];

/** The administrator every bench court is set up with. */
export const PROVINCE_ADMIN = { username: 'bench', password: 'Bench2026x' };

export type Level = 'high' | 'intermediate' | 'basic';

export interface CourtSpec {
  code: string;
  name: string;
  level: Level;
  parentCode: string;
  parentName: string;
  operatorName: string;
}

export interface Province {
  high: CourtSpec;
  intermediates: CourtSpec[];
  /** Basic courts grouped under their intermediate court's code. */
  basicsOf: Map<string, CourtSpec[]>;
  basics: CourtSpec[];
}

const CITIES = [
  '哈尔滨市',
  '齐齐哈尔市',
  '牡丹江市',
  '佳木斯市',
  '大庆市',
  '鸡西市',
  '双鸭山市',
  '伊春市',
  '七台河市',
  '鹤岗市',
  '黑河市',
  '绥化市',
  '大兴安岭地区',
  '农垦',
  '林区',
];
const DISTRICTS = ['城区', '东城区', '西城区', '南岗区', '北林区', '开发区', '新兴区', '郊区', '江北区', '河东区'];

/** The province for a number of basic courts: ten per intermediate court (the last may have fewer). */
export function provinceOf(basicCount: number): Province {
  const high: CourtSpec = {
    code: 'J23',
    name: '黑龙江省高级人民法院',
    level: 'high',
    parentCode: '',
    parentName: '',
    operatorName: '李处长',
  };
  const intermediateCount = Math.max(1, Math.ceil(basicCount / BASICS_PER_INTERMEDIATE));
  const intermediates: CourtSpec[] = [];
  const basicsOf = new Map<string, CourtSpec[]>();
  const basics: CourtSpec[] = [];
  for (let m = 0; m < intermediateCount; m += 1) {
    const city = CITIES[m % CITIES.length];
    const middle: CourtSpec = {
      code: `J23${String(m + 1).padStart(2, '0')}`,
      name: city === '农垦' || city === '林区' ? `黑龙江省${city}中级人民法院` : `${city}中级人民法院`,
      level: 'intermediate',
      parentCode: high.code,
      parentName: high.name,
      operatorName: '赵科长',
    };
    intermediates.push(middle);
    const group: CourtSpec[] = [];
    const inGroup = Math.min(BASICS_PER_INTERMEDIATE, basicCount - m * BASICS_PER_INTERMEDIATE);
    for (let b = 0; b < inGroup; b += 1) {
      group.push({
        code: `${middle.code}${String(b + 1).padStart(2, '0')}`,
        name: `${city.replace(/(市|地区)$/, '')}${DISTRICTS[b % DISTRICTS.length]}人民法院`,
        level: 'basic',
        parentCode: middle.code,
        parentName: middle.name,
        operatorName: '王书记员',
      });
    }
    basicsOf.set(middle.code, group);
    basics.push(...group);
  }
  return { high, intermediates, basicsOf, basics };
}

/** Where everything of one bench run lives, below the run's work folder. */
export const provincePaths = (work: string) => ({
  court: (code: string) => path.join(work, 'courts', code),
  state: (code: string) => path.join(work, 'state', `${code}.json`),
  packages: (code: string) => path.join(work, 'packages', code),
  bundles: path.join(work, 'bundles'),
  rawCopy: (code: string) => path.join(work, 'raw', code),
});

/** What the build records about each court for the later steps. */
export interface CourtState {
  code: string;
  fingerprint: string;
  /** Package files this court publishes (the high court's own, an intermediate's relays). */
  packages: string[];
  /** Rows of its own the fill wrote. */
  rows: number;
  buildMs: number;
}
