// Demo rectification ledger (整改台账) in the terms of seed 004 (Zhejiang High Court's published
// rectification after the provincial inspection: findings → itemised measures, 对账销号, "回头看"
// on finished items, long-term items, petitions and problem leads transferred by the inspection
// team) and seed 000 (notices from the higher court on slow work). Measures stand in every
// state: not started, under way (on track, due soon, overdue), long-term, submitted (on time and
// late), sent back, signed off with a look-back far off, due within days and overdue, passed at
// look-back, and reopened by a relapse. One finding has no measure yet. Dates are placed around
// `today`, so the demo fits any day; names of people and cases are invented.
import dayjs from 'dayjs';
import { addDays } from '../../shared/checklistRules';
import type { LedgerSource, MeasureStatus } from '../../shared/model';
import type { ChangeWriter } from '../data/ownedRows';
import { settleLookbackLight, settleMeasureLight } from '../ledger/ledgerLights';
import { addEvent, insertFinding, insertMeasure } from '../ledger/ledgerWrites';
import { lookbackDue } from '../ledger/lookbacks';
import { DEPARTMENT_HEADS, PEOPLE, type DeptKey, type PersonKey } from './demoOrg';
import { demoTime } from './demoTypes';

/**
 * How far a measure has got. Day numbers are days from today (negative = past).
 * - identified: nothing done yet; progress: under way (the light follows `due`).
 * - submitted: handed in `ago` days ago, `late` days after the deadline when given.
 * - returned: handed in, then sent back with the reason in `review`.
 * - signed: signed off; its look-back is due in `lookbackIn` days (negative = overdue).
 * - passed: signed off and re-checked `lookbackIn` days ago without relapse.
 * - reopened: signed off, then reopened at the look-back `lookbackIn` days ago; new deadline `due`.
 */
type Plan =
  | { s: 'identified'; due: number | null }
  | { s: 'progress'; due: number | null }
  | { s: 'submitted'; due: number; ago: number; late?: number }
  | { s: 'returned'; due: number }
  | { s: 'signed'; lookbackIn: number; late?: number }
  | { s: 'passed'; lookbackIn: number }
  | { s: 'reopened'; lookbackIn: number; due: number };

interface DemoMeasure {
  text: string;
  dept: DeptKey;
  /** 责任人; the department's head when left out. */
  owner?: PersonKey;
  lead: PersonKey;
  longTerm?: boolean;
  plan: Plan;
  /** Progress notes, oldest first. */
  notes: string[];
  /** The completion note handed in with the submission (完成情况). */
  done?: string;
  /** Sign-off opinion, or the reason for sending back. */
  review?: string;
  /** What the look-back found. */
  recheck?: string;
}

interface DemoFinding {
  source: LedgerSource;
  reference: string;
  title: string;
  detail: string;
  /** Days from today. */
  received: number;
  dept: DeptKey;
  measures: DemoMeasure[];
}

const FEEDBACK_DAY = -240;

const FINDINGS: DemoFinding[] = [
  {
    source: 'inspection_feedback',
    reference: '巡视反馈意见第一部分第1条',
    title: '实践和传导习近平新时代政法工作重要思想不够到位',
    detail:
      '巡视指出：理论学习与审判执行工作结合不紧，学习成果转化为推动工作的实际举措不多；意识形态工作责任制落实不够有力。',
    received: FEEDBACK_DAY,
    dept: 'zhengzhi',
    measures: [
      {
        text: '完善党组理论学习中心组学习计划，将习近平总书记关于政法工作的重要论述作为党组会第一议题重点传达学习。',
        dept: 'zhengzhi',
        lead: 'politicalChief',
        plan: { s: 'passed', lookbackIn: -35 },
        notes: [
          '已修订党组理论学习中心组年度学习计划，明确“第一议题”制度。',
          '第一、二季度分别召开学习扩大会，开展专题研讨两次。',
        ],
        done: '“第一议题”制度已落实，党组集体学习 8 次，其中专题集中研讨 4 次，会议记录已归档。',
        review: '学习记录、研讨材料齐全，同意销号。',
        recheck: '抽查近三个月党组会记录，均将重要论述作为第一议题学习，未发现反弹。',
      },
      {
        text: '深入开展“政治大学习”“理论大培训”“思想大讲堂”系列活动，把学习贯彻重要讲话精神作为每次培训的必修课。',
        dept: 'zhengzhi',
        lead: 'politicalChief',
        plan: { s: 'signed', lookbackIn: 4 },
        notes: ['制定系列活动方案，明确每月一讲。', '已举办“思想大讲堂”3 期，干警参训率 96%。'],
        done: '系列活动按计划完成，培训课程表、签到表和心得体会汇编已上传。',
        review: '活动开展扎实，同意销号，纳入半年“回头看”。',
      },
      {
        text: '严格落实意识形态工作责任制，加强对干警网络自媒体使用的引导和监管。',
        dept: 'zhengzhi',
        owner: 'zhengzhiStaff',
        lead: 'politicalChief',
        longTerm: true,
        plan: { s: 'progress', due: null },
        notes: [
          '制定《关于进一步落实意识形态工作责任制的若干意见》。',
          '完成干警自媒体账号登记备案，每季度开展一次巡查。',
        ],
      },
    ],
  },
  {
    source: 'inspection_feedback',
    reference: '巡视反馈意见第一部分第2条',
    title: '破解司法工作难题不够有力，案件质量监督管理存在短板',
    detail: '巡视指出：改判发回、超审限等重点案件评查不及时，审判监督管理机制不健全，类案裁判尺度不统一。',
    received: FEEDBACK_DAY,
    dept: 'shenguan',
    measures: [
      {
        text: '出台《关于进一步加强案件监督管理工作的意见（试行）》和“四类案件”监督管理实施细则。',
        dept: 'shenguan',
        lead: 'execVp',
        plan: { s: 'signed', lookbackIn: -9 },
        notes: ['起草意见和实施细则，征求各业务庭意见。', '审委会讨论通过，正式印发。'],
        done: '两项制度已印发施行，嵌入办案平台“四类案件”自动标识功能。',
        review: '制度文件和平台截图齐全，同意销号。',
      },
      {
        text: '对改判、发回重审、超审限、信访申诉等重点案件开展集中评查，评查结果纳入员额法官业绩档案。',
        dept: 'shenguan',
        lead: 'execVp',
        plan: { s: 'progress', due: -6 },
        notes: [
          '制定集中评查方案，抽调 12 名资深法官组成评查组。',
          '已评查案件 186 件，发现问题 23 个，正在逐案反馈。',
        ],
      },
      {
        text: '将审判质效指标优化调整为“八升五降”，按立案、刑事、民商事、知识产权、行政、执行 6 个条线按月通报。',
        dept: 'shenguan',
        lead: 'execVp',
        longTerm: true,
        plan: { s: 'progress', due: null },
        notes: ['“八升五降”指标体系已确定并下发。', '按条线完成本月质效通报。'],
      },
    ],
  },
  {
    source: 'inspection_feedback',
    reference: '巡视反馈意见第一部分第3条',
    title: '司法为民服务存在薄弱环节，诉源治理参与不够',
    detail: '巡视指出：诉讼服务中心入驻县级矛盾纠纷调处化解中心不到位，诉前纠纷化解率偏低，群众“最多跑一地”体验不佳。',
    received: FEEDBACK_DAY,
    dept: 'lian',
    measures: [
      {
        text: '诉讼服务中心成建制入驻县级矛盾纠纷调处化解中心，实行“社会调解优先、法院诉讼断后”递进式分层过滤。',
        dept: 'lian',
        lead: 'civilVp',
        plan: { s: 'submitted', due: 10, ago: 2 },
        notes: ['与县矛调中心对接入驻方案，确定窗口 4 个。', '立案、调解、司法确认窗口已进驻运行。'],
        done: '已成建制入驻，选派 6 名干警常驻，运行台账和照片已上传。',
      },
      {
        text: '对民间借贷、买卖合同、交通事故、物业服务等多发纠纷实行类型化化解，提高诉前纠纷化解率。',
        dept: 'lian',
        lead: 'civilVp',
        plan: { s: 'progress', due: 5 },
        notes: ['确定 7 类纠纷类型化调处规程。', '本月诉前化解率 27.9%，同比上升 7.5 个百分点。'],
      },
    ],
  },
  {
    source: 'inspection_feedback',
    reference: '巡视反馈意见第一部分第4条',
    title: '院党组履行全面从严治党主体责任存在薄弱环节',
    detail: '巡视指出：落实“三个规定”记录报告不够规范，涉案财物管理存在漏洞，廉政风险防控机制需要健全。',
    received: FEEDBACK_DAY,
    dept: 'jijian',
    measures: [
      {
        text: '开展落实“三个规定”专项整改，建立干预过问案件“必须登记”“零报告”制度并嵌入审判系统。',
        dept: 'jijian',
        lead: 'disciplineChief',
        plan: { s: 'returned', due: 12 },
        notes: ['全面摸排 2015 年以来干预过问案件记录情况。', '“零报告”模块已在审判系统上线。'],
        done: '专项整改已完成，摸排报告已上传。',
        review: '缺少各部门“零报告”月报汇总和系统运行截图，请补充后重新提交。',
      },
      {
        text: '健全涉案财物管理制度，规范登记、交接、保管和处置流程，对现存涉案财物逐一清点登记造册。',
        dept: 'jijian',
        owner: 'fajingHead',
        lead: 'disciplineChief',
        plan: { s: 'reopened', lookbackIn: -12, due: 25 },
        notes: ['修订涉案财物管理办法。', '完成物证室清点，登记造册 412 件。'],
        done: '制度已修订，涉案财物已全部登记造册。',
        review: '登记台账齐全，同意销号。',
        recheck: '回头看抽查发现 3 件新入库涉案财物未按规定登记交接，问题反弹，重新打开整改。',
      },
      {
        text: '持续开展“以案释德、以案释纪、以案释法”警示教育，组织干警观摩警示教育庭审。',
        dept: 'jijian',
        lead: 'disciplineChief',
        longTerm: true,
        plan: { s: 'progress', due: null },
        notes: ['组织观摩警示教育庭审录像 2 场。', '编印本院违纪违法典型案例汇编。'],
      },
    ],
  },
  {
    source: 'inspection_feedback',
    reference: '巡视反馈意见第一部分第5条',
    title: '党的组织建设不够规范，党组议事规则不健全',
    detail: '巡视指出：党组会与院长办公会议事范围界定不清，党组决定事项督查反馈不及时。',
    received: FEEDBACK_DAY,
    dept: 'bangong',
    measures: [
      {
        text: '修订党组工作规则，出台院长办公会议规则，厘清党组会与院长办公会议事范围。',
        dept: 'bangong',
        lead: 'president',
        plan: { s: 'signed', lookbackIn: 120, late: 9 },
        notes: ['起草党组工作规则修订稿。', '院长办公会议规则征求班子成员意见。'],
        done: '两项规则经党组会审议通过并印发。',
        review: '规则已印发，超出整改时限 9 天，记为逾期完成，同意销号。',
      },
      {
        text: '健全党组决定事项督查、评估和反馈机制，每两个月对党组会决定事项进行督查通报。',
        dept: 'bangong',
        lead: 'president',
        plan: { s: 'submitted', due: -8, ago: 1, late: 7 },
        notes: ['制定督查反馈办法。', '完成第一次督查通报。'],
        done: '督查反馈机制已建立，两次督查通报已上传。',
      },
    ],
  },
  {
    source: 'inspection_feedback',
    reference: '巡视反馈意见第一部分第6条',
    title: '落实党管干部原则不够到位，干部交流制度执行不严',
    detail: '巡视指出：个别部门领导在同一岗位任职时间较长，未按规定交流。',
    received: FEEDBACK_DAY,
    dept: 'zhengzhi',
    measures: [
      {
        text: '对在同一领导岗位连续任职满 10 年的部门领导开展交流任职。',
        dept: 'zhengzhi',
        lead: 'politicalChief',
        plan: { s: 'identified', due: 45 },
        notes: [],
      },
    ],
  },
  {
    source: 'audit_supervision',
    reference: '审务督察反馈〔第 3 号〕',
    title: '执行案款超 6 个月未发放，案款管理存在风险',
    detail: '审务督察发现：2016 年以来超 6 个月未发放执行款案件较多，部分案款未落实提存。',
    received: -120,
    dept: 'zhixing',
    measures: [
      {
        text: '开展执行案款集中清理行动，逐案排查超 6 个月未发放案款，边排查、边清理、边发放。',
        dept: 'zhixing',
        owner: 'zhixingDeputy',
        lead: 'enforcementChief',
        plan: { s: 'progress', due: 40 },
        notes: ['建立清理台账，排查案件 1,439 件。', '已发放案款 962 件，对无法发放的落实提存。'],
      },
      {
        text: '全面推广案款管理系统，在执行通知书中附缴费虚拟账号和二维码。',
        dept: 'zhixing',
        owner: 'zhixingDeputy',
        lead: 'enforcementChief',
        plan: { s: 'signed', lookbackIn: 150 },
        notes: ['案款系统完成部署和培训。'],
        done: '案款系统已全面使用，执行通知书样式已更新。',
        review: '系统运行截图和通知书样本齐全，同意销号。',
      },
    ],
  },
  {
    source: 'superior_notice',
    reference: '上级法院审判管理通报第 9 期',
    title: '12 个月以上长期未结案件清理进度滞后，被上级法院通报',
    detail: '上级法院通报：本院 12 个月以上长期未结案件 17 件，清理进度在全市排名靠后。',
    received: -45,
    dept: 'minyi',
    measures: [
      {
        text: '对长期未结案件逐案制定结案计划，实行院庭长挂牌督办，每周调度。',
        dept: 'minyi',
        lead: 'civilVp',
        plan: { s: 'identified', due: -3 },
        notes: [],
      },
      {
        text: '审判管理办公室每月通报长期未结案件清理进度。',
        dept: 'shenguan',
        lead: 'execVp',
        plan: { s: 'progress', due: 20 },
        notes: ['已建立长期未结案件清理台账。'],
      },
    ],
  },
  {
    source: 'superior_notice',
    reference: '上级法院督查通报第 12 期',
    title: '审判流程节点超期问题突出',
    detail: '上级法院通报：送达、排期、结案归档节点超期比例偏高，待研究整改措施。',
    received: -2,
    dept: 'shenguan',
    measures: [],
  },
];

/** Petitions (信访件) transferred by the inspection team: most handled, one still open. */
const PETITIONS: Array<{ title: string; dept: DeptKey; open?: boolean }> = [
  { title: '反映一起民间借贷纠纷立案难', dept: 'lian' },
  { title: '反映执行案件长期未执结', dept: 'zhixing' },
  { title: '反映执行款发放迟延', dept: 'zhixing' },
  { title: '反映一起离婚纠纷审理期限过长', dept: 'minyi' },
  { title: '反映诉讼服务窗口工作人员态度生硬', dept: 'lian' },
  { title: '反映一起劳动争议案件裁判尺度不统一', dept: 'miner', open: true },
];

/** Problem leads (问题线索) transferred by the inspection team. */
const LEADS: Array<{ title: string; open?: boolean }> = [
  { title: '反映某法官与律师不正当接触' },
  { title: '反映某执行干警违规借贷', open: true },
];

export interface LedgerPlace {
  campaignId: string;
  /** YYYY-MM-DD; every date is placed around it. */
  today: string;
  /** The demo departments' row ids by key (see demoOrg.ts). */
  departmentIds: Record<string, string>;
}

export async function writeDemoLedger(writer: ChangeWriter, place: LedgerPlace): Promise<void> {
  const { today } = place;
  const day = (n: number) => addDays(today, n);
  const campaign = await writer.trx
    .selectFrom('campaigns')
    .select('lookbackMonths')
    .where('id', '=', place.campaignId)
    .executeTakeFirstOrThrow();
  const months = campaign.lookbackMonths;
  const reviewer = PEOPLE.reviewer.name;
  const dept = (key: DeptKey) => place.departmentIds[key] ?? null;

  const writeMeasure = async (finding: { id: string; campaignId: string }, measure: DemoMeasure, seq: number) => {
    const owner = PEOPLE[measure.owner ?? DEPARTMENT_HEADS[measure.dept]].name;
    const plan = measure.plan;
    const events: Array<{
      kind: 'progress' | 'submit' | 'sign_off' | 'send_back' | 'lookback_pass' | 'lookback_relapse';
      date: string;
      actor: string;
      text: string;
    }> = [];
    const notesUpTo = (last: string) =>
      measure.notes.forEach((text, i) =>
        events.push({
          kind: 'progress',
          date: addDays(last, -10 * (measure.notes.length - 1 - i)),
          actor: owner,
          text,
        }),
      );

    let status: MeasureStatus = 'identified';
    let deadline: string | null = null;
    let completedAt: string | null = null;
    let completedLate = 0;
    let signedOffAt: string | null = null;
    let signedOffBy = '';
    let lookback: {
      due: string;
      status: 'scheduled' | 'passed' | 'relapsed';
      checkedAt: string | null;
      note: string;
    } | null = null;
    /** A late finish leaves a red stretch in the light history. */
    let redSpan: { since: string; until: string } | null = null;

    switch (plan.s) {
      case 'identified':
        deadline = plan.due === null ? null : day(plan.due);
        break;
      case 'progress':
        deadline = plan.due === null ? null : day(plan.due);
        status = 'in_progress';
        notesUpTo(day(-2 - (seq % 4)));
        break;
      case 'submitted':
      case 'returned': {
        const submitted = plan.s === 'submitted' ? day(-plan.ago) : day(-6);
        deadline = plan.s === 'submitted' && plan.late ? addDays(submitted, -plan.late) : day(plan.due);
        notesUpTo(addDays(submitted, -4));
        events.push({ kind: 'submit', date: submitted, actor: owner, text: measure.done ?? '已完成整改。' });
        if (plan.s === 'submitted') {
          status = 'submitted';
          completedAt = demoTime(submitted, '17:20');
          completedLate = submitted > deadline ? 1 : 0;
          if (completedLate) redSpan = { since: addDays(deadline, 1), until: submitted };
        } else {
          status = 'returned';
          events.push({
            kind: 'send_back',
            date: addDays(submitted, 2),
            actor: reviewer,
            text: measure.review ?? '佐证材料不全，请补充后重新提交。',
          });
        }
        break;
      }
      case 'signed':
      case 'passed':
      case 'reopened': {
        // Sign-off falls `months` before the look-back, so the look-back lands on the planned day.
        let signed = dayjs(day(plan.lookbackIn)).subtract(months, 'month').format('YYYY-MM-DD');
        if (signed > day(-1)) signed = day(-1);
        const due = lookbackDue(signed, months);
        const completed = addDays(signed, -3 - (seq % 3));
        const late = plan.s === 'signed' ? (plan.late ?? 0) : 0;
        deadline = late ? addDays(completed, -late) : addDays(completed, 12);
        notesUpTo(addDays(completed, -5));
        events.push({ kind: 'submit', date: completed, actor: owner, text: measure.done ?? '已完成整改。' });
        events.push({ kind: 'sign_off', date: signed, actor: reviewer, text: measure.review ?? '同意销号。' });
        if (late) redSpan = { since: addDays(deadline, 1), until: completed };
        status = 'signed_off';
        completedAt = demoTime(completed, '17:20');
        completedLate = late ? 1 : 0;
        signedOffAt = demoTime(signed, '10:30');
        signedOffBy = reviewer;
        lookback = { due, status: 'scheduled', checkedAt: null, note: '' };
        if (plan.s === 'passed') {
          const checked = addDays(due, 2) < today ? addDays(due, 2) : day(-1);
          events.push({
            kind: 'lookback_pass',
            date: checked,
            actor: reviewer,
            text: measure.recheck ?? '回头看未发现问题反弹。',
          });
          status = 'lookback_passed';
          lookback = { due, status: 'passed', checkedAt: demoTime(checked, '15:00'), note: measure.recheck ?? '' };
        }
        if (plan.s === 'reopened') {
          const checked = addDays(due, 1) < today ? addDays(due, 1) : day(-1);
          events.push({
            kind: 'lookback_relapse',
            date: checked,
            actor: reviewer,
            text: measure.recheck ?? '回头看发现问题反弹。',
          });
          status = 'reopened';
          // Reopened: no longer complete or signed off, with a new deadline for the rework.
          deadline = day(plan.due);
          completedAt = null;
          completedLate = 0;
          signedOffAt = null;
          signedOffBy = '';
          lookback = { due, status: 'relapsed', checkedAt: demoTime(checked, '15:00'), note: measure.recheck ?? '' };
        }
        break;
      }
    }

    const row = await insertMeasure(writer, finding, {
      text: measure.text,
      owner,
      leadLeader: PEOPLE[measure.lead].name,
      departmentId: dept(measure.dept),
      deadline,
      longTerm: measure.longTerm ? 1 : 0,
      status,
      completedAt,
      completedLate,
      submittedBy: null,
      signedOffAt,
      signedOffBy,
    });
    // The rows are written in the order things happened: events, then the look-back.
    for (const event of events) {
      await addEvent(writer, {
        measureId: row.id,
        kind: event.kind,
        eventDate: event.date,
        actor: event.actor,
        text: event.text,
      });
    }
    if (lookback) {
      const lookbackRow = await writer.insert('lookbacks', {
        measureId: row.id,
        dueDate: lookback.due,
        status: lookback.status,
        checkedAt: lookback.checkedAt,
        checker: lookback.checkedAt ? reviewer : '',
        note: lookback.note,
      });
      await settleLookbackLight(writer.trx, lookbackRow.id, today);
    }
    if (redSpan) {
      await writer.trx
        .insertInto('lightHistory')
        .values({ recordKind: 'measure', recordId: row.id, light: 'red', since: redSpan.since, until: redSpan.until })
        .execute();
    }
    await settleMeasureLight(writer.trx, row.id, today);
  };

  let seq = 0;
  for (const finding of FINDINGS) {
    const row = await insertFinding(writer, {
      campaignId: place.campaignId,
      source: finding.source,
      reference: finding.reference,
      title: finding.title,
      detail: finding.detail,
      receivedDate: day(finding.received),
      departmentId: dept(finding.dept),
      claimId: null,
    });
    for (const measure of finding.measures) await writeMeasure(row, measure, (seq += 1));
  }

  for (const [index, petition] of PETITIONS.entries()) {
    const row = await insertFinding(writer, {
      campaignId: place.campaignId,
      source: 'petition',
      reference: `巡视组移交信访件第 ${index + 1} 号`,
      title: petition.title,
      detail: '巡视期间群众来信，移交本院办理。',
      receivedDate: day(FEEDBACK_DAY - 20),
      departmentId: dept(petition.dept),
      claimId: null,
    });
    await writeMeasure(
      row,
      petition.open
        ? {
            text: '调阅案卷核查，约谈信访人，依法答复。',
            dept: petition.dept,
            lead: 'civilVp',
            plan: { s: 'progress', due: 15 },
            notes: ['已调阅案卷，约谈信访人一次。'],
          }
        : {
            text: '调阅案卷核查，约谈信访人，依法答复。',
            dept: petition.dept,
            lead: 'execVp',
            plan: { s: 'signed', lookbackIn: 60 + index * 7 },
            notes: ['已调阅案卷并约谈信访人。'],
            done: '已核查办理并书面答复信访人，信访人表示认可。',
            review: '办理结果和答复材料齐全，予以办结销号。',
          },
      (seq += 1),
    );
  }

  for (const [index, lead] of LEADS.entries()) {
    const row = await insertFinding(writer, {
      campaignId: place.campaignId,
      source: 'problem_lead',
      reference: `巡视组移交问题线索第 ${index + 1} 号`,
      title: lead.title,
      detail: '按照干部管理权限分类处置。',
      receivedDate: day(FEEDBACK_DAY - 15),
      departmentId: dept('jijian'),
      claimId: null,
    });
    await writeMeasure(
      row,
      lead.open
        ? {
            text: '初步核实，按规定分类处置。',
            dept: 'jijian',
            lead: 'disciplineChief',
            plan: { s: 'progress', due: 30 },
            notes: ['已完成初步核实谈话。'],
          }
        : {
            text: '初步核实，按规定分类处置。',
            dept: 'jijian',
            lead: 'disciplineChief',
            plan: { s: 'signed', lookbackIn: 90 },
            notes: ['已完成初步核实。'],
            done: '经核实，给予诫勉处理 1 人，处置结果已报送。',
            review: '处置程序规范，予以办结。',
          },
      (seq += 1),
    );
  }
}
