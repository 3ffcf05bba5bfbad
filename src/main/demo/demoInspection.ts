// Demo self-inspection (问题查摆) for the "能力作风建设年" campaign (seed 000: "梳理出 8 个方面 38 个
// 问题，组织干警逐人对照认领，填写能力作风问题查摆报告表；对避重就轻、避实就虚、‘帽子底下没人、
// 没具体案（事）件’的，坚决推倒重来"): the 8-aspect, 38-problem catalogue, and reports in every
// state — accepted, accepted after a return, waiting for review, returned as evasive, a draft —
// plus an evasive report and a vague "no problem" that the evasion checks flag. Some people and
// departments have not filed, so the not-filed list has names too. The problems are written
// afresh in the article's terms; names of people and cases are invented.
import { addDays } from '../../shared/checklistRules';
import type { InspectionStatus } from '../../shared/model';
import type { ChangeWriter } from '../data/ownedRows';
import type { RoundSnapshot } from '../inspection/reports';
import { DEPARTMENT_HEADS, DEPARTMENTS, PEOPLE, type DeptKey, type PersonKey } from './demoOrg';
import { demoTime } from './demoTypes';

export const DEMO_CATALOGUE: ReadonlyArray<{
  title: string;
  problems: ReadonlyArray<readonly [title: string, description: string]>;
}> = [
  {
    title: '政治能力方面',
    problems: [
      [
        '理论学习不深不透，学用脱节',
        '学习停留在读原文、抄笔记，联系审判执行工作实际不够，学习成果没有转化为解决问题的能力。',
      ],
      ['贯彻落实上级决策部署打折扣、搞变通', '对上级部署理解不深、落实不细，存在“上热中温下冷”现象。'],
      ['政治敏感性不强，风险研判不足', '对敏感案件、群体性纠纷的舆情风险研判不及时，处置预案不完善。'],
      ['意识形态工作责任落实不到位', '对干警思想动态掌握不够，谈心谈话流于形式。'],
      ['党支部组织生活质量不高', '“三会一课”照本宣科，批评与自我批评辣味不足。'],
    ],
  },
  {
    title: '业务能力方面',
    problems: [
      ['庭审驾驭能力不强', '庭审节奏把握不好，归纳争议焦点不准，释法说理不充分。'],
      ['裁判文书质量不高', '存在错别字、引用法条错误、说理不充分、论证逻辑不清等问题。'],
      ['法律适用不统一，类案不同判', '对类案检索不重视，同类案件裁判尺度不一。'],
      ['学习新法新规不及时', '对新类型案件研究不够，对新出台的司法解释掌握不准。'],
      ['运用信息化手段办案能力不足', '网上立案、电子送达、在线庭审使用率低，电子卷宗随案生成不规范。'],
    ],
  },
  {
    title: '服务大局和优化营商环境方面',
    problems: [
      ['涉企案件审理周期过长', '涉企案件久拖不结，影响企业正常生产经营。'],
      ['涉企财产保全和执行措施把握不当', '对涉企财产“一封了之”，未做到善意文明执行、活封活扣。'],
      ['诉源治理参与不够', '多元解纷机制作用发挥不充分，诉前调解成功率低。'],
      ['涉党政机关案件执行不力', '对涉党政机关案件协调推动不够，执行到位率低。'],
      ['破产审判“府院联动”推动不够', '与政府部门沟通协调不畅，破产案件审理周期长。'],
    ],
  },
  {
    title: '窗口作风方面',
    problems: [
      ['“门难进、脸难看、事难办”现象仍有发生', '诉讼服务窗口工作人员态度生硬，对群众诉求推诿敷衍。'],
      ['当场立案落实不到位', '存在有案不立、拖延立案、变相不立案等问题。'],
      ['12368 热线答复不及时、不规范', '转办工单超期办理，答复口径不统一。'],
      ['一次性告知不到位', '材料清单告知不全，当事人多次往返补交材料。'],
      ['来访接待推诿扯皮', '对来访群众相互推诿，首问负责制落实不到位。'],
    ],
  },
  {
    title: '担当作为方面',
    problems: [
      ['遇到矛盾绕着走', '对疑难复杂案件不愿担当、一推了之，层层请示汇报。'],
      ['长期未结案件清理不力', '对超一年未结案件底数不清、措施不实，“久拖不结”问题仍然存在。'],
      ['信访积案化解主动性不强', '息诉罢访工作不实，包案领导接访走形式。'],
      ['执行工作消极', '财产调查不全面，终结本次执行程序把关不严。'],
      ['对发改案件剖析整改不够', '发回重审、改判案件分析不深，同类问题反复出现。'],
    ],
  },
  {
    title: '工作落实方面',
    problems: [
      ['工作标准不高', '满足于过得去、差不多，缺乏争先创优意识。'],
      ['推进清单事项落实不及时', '台账管理不规范，佐证材料不全，存在“纸上落实”。'],
      ['审限管理不严', '违规扣除、延长审限，审限变更审批把关不严。'],
      ['卷宗归档不及时', '结案后超期归档，卷宗材料装订不规范。'],
      ['调研成果转化不够', '审判经验总结提炼不足，调研文章质量不高。'],
    ],
  },
  {
    title: '纪律作风方面',
    problems: [
      ['工作纪律松弛', '上班迟到早退，工作时间干与工作无关的事。'],
      ['“四风”问题仍有反弹', '文山会海、材料过多，督查检查考核过频。'],
      ['落实“三个规定”不严格', '过问干预案件、内部人员打听案情未如实记录报告。'],
      ['与律师、当事人不正当接触交往', '私下会见当事人及其代理人，接受宴请或介绍案件。'],
    ],
  },
  {
    title: '廉洁自律方面',
    problems: [
      ['“微腐败”问题', '接受当事人吃请、礼品礼金，为当事人打招呼、说情。'],
      ['廉政风险点防控不实', '审判执行权力运行监督制约不到位，风险点排查流于形式。'],
      ['对身边人员教育管理不严', '对书记员、法官助理及家属的日常教育管理不到位。'],
      ['执行案款管理不规范', '案款发放不及时，案款认领、退付审批不规范。'],
    ],
  },
];

/** A claim points at a catalogue problem by its number (1..38), or names a problem of its own. */
interface DemoClaim {
  problem: number | string;
  facts: string;
  cause: string;
  measures: string;
  /** Days from today. */
  due: number;
}

/** One decision on a submitted round, `day` days from today. */
interface DemoRound {
  submittedDay: number;
  decision?: { accepted: boolean; day: number; note: string };
  /** What this round said, when it differs from the report's current claims (a returned first try). */
  claims?: DemoClaim[];
  noProblemReason?: string;
}

interface DemoReport {
  subject: { person: PersonKey } | { department: DeptKey };
  status: InspectionStatus;
  claims: DemoClaim[];
  noProblemReason?: string;
  rounds: DemoRound[];
}

const REVIEWER: PersonKey = 'reviewer';

const EVASIVE_RETURN =
  '报告避重就轻、避实就虚，只写“学习不够深入”“工作标准不高”等共性问题，“帽子底下没人、没具体案（事）件”。请对照38个问题重新研讨、重新查摆，写明具体人、具体案件或事件后重新填报。';

const DEMO_REPORTS: readonly DemoReport[] = [
  {
    subject: { person: 'lianHead' },
    status: 'accepted',
    claims: [
      {
        problem: 17,
        facts:
          '2026年4月，立案窗口对一起民间借贷纠纷以“证据材料不全”为由两次让当事人回去补材料，未当场登记立案，当事人到院长信箱反映，本人作为庭长负有管理责任。',
        cause: '对登记立案制度要求传达不到位，窗口人员把立案审查当成实体审查，本人督促检查不够。',
        measures:
          '组织窗口人员逐条学习登记立案规定；每周抽查10件不予立案、补正材料的登记记录；补正告知一律书面一次性告知。',
        due: 40,
      },
      {
        problem: 19,
        facts: '2026年5月统计，诉讼服务中心有37名当事人因材料清单告知不全往返两次以上，其中离婚纠纷占21人。',
        cause: '各类案件材料清单多年未更新，导诉人员口头告知随意性大。',
        measures: '重新编制18类常见案件材料清单并上墙、上网；导诉台实行一次性书面告知签收。',
        due: 25,
      },
    ],
    rounds: [
      {
        submittedDay: -30,
        decision: { accepted: true, day: -27, note: '问题查摆具体，有人有事，整改措施可行，同意。' },
      },
    ],
  },
  {
    subject: { department: 'lian' },
    status: 'accepted',
    claims: [
      {
        problem: 18,
        facts:
          '2026年一季度，12368热线转来的86件工单中有9件超过3个工作日才答复，其中关于（2026）黑0221民初118号案件进度的咨询拖了8天。',
        cause: '工单转办后无人跟踪，承办法官和书记员相互等待。',
        measures: '指定专人每日跟踪工单；超过2个工作日未答复的自动提醒庭长；每月通报答复时效。',
        due: 20,
      },
    ],
    rounds: [
      {
        submittedDay: -35,
        decision: { accepted: false, day: -33, note: EVASIVE_RETURN },
        claims: [
          {
            problem: 26,
            facts: '部分同志工作标准不高，存在差不多思想。',
            cause: '学习不够深入。',
            measures: '加强学习，提高标准。',
            due: 60,
          },
        ],
      },
      { submittedDay: -22, decision: { accepted: true, day: -20, note: '重新查摆后问题具体，同意。' } },
    ],
  },
  {
    subject: { person: 'xingshiHead' },
    status: 'submitted',
    claims: [
      {
        problem: 7,
        facts:
          '2026年第二季度评查发现，本人签发的（2026）黑0221刑初45号判决书引用的法条款项错误，另有2份判决书对从轻情节未作说理。',
        cause: '签发前只看判项不看说理，文书校对制度落实不严。',
        measures: '落实裁判文书“三级校对”；每月组织一次文书互评；本人签发文书逐份记录校对意见。',
        due: 30,
      },
      {
        problem: 28,
        facts: '2026年审限变更审批中，本庭有3件案件以“鉴定”为由扣除审限，但鉴定委托书晚于扣除日期，审批时本人未发现。',
        cause: '审限变更审批把关流于形式，未核对原始材料。',
        measures: '审限扣除、延长一律附原始材料；审管办每月抽查；本庭每月通报审限变更情况。',
        due: 45,
      },
    ],
    rounds: [{ submittedDay: -3 }],
  },
  {
    subject: { person: 'minyiHead' },
    status: 'returned',
    claims: [
      {
        problem: 6,
        facts: '本人存在学习不够深入的问题。',
        cause: '思想认识不到位。',
        measures: '加强学习。',
        due: 60,
      },
    ],
    rounds: [{ submittedDay: -6, decision: { accepted: false, day: -4, note: EVASIVE_RETURN } }],
  },
  {
    subject: { person: 'minerHead' },
    status: 'draft',
    claims: [
      {
        problem: 11,
        facts: '（2025）黑0221民初2087号买卖合同纠纷，涉案企业为本地农机制造企业，案件审理超过14个月，',
        cause: '',
        measures: '',
        due: 30,
      },
    ],
    rounds: [],
  },
  // Evasive: thin facts, one claim copied from a colleague's report with a few words changed.
  {
    subject: { person: 'zhixingDeputy' },
    status: 'submitted',
    claims: [
      { problem: 24, facts: '执行工作存在不足。', cause: '重视不够。', measures: '加强执行工作。', due: 30 },
      {
        problem: 28,
        facts: '2026年审限变更审批中，本局有3件案件以“鉴定”为由扣除审限，但鉴定委托书晚于扣除日期，审批时本人未发现。',
        cause: '审批把关不严。',
        measures: '加强审批管理。',
        due: 30,
      },
    ],
    rounds: [{ submittedDay: -2 }],
  },
  // Vague "no problem found".
  {
    subject: { person: 'shenjianHead' },
    status: 'submitted',
    claims: [],
    noProblemReason: '经认真查摆，未发现问题。',
    rounds: [{ submittedDay: -1 }],
  },
];

const at = (today: string, days: number, hhmm: string) => demoTime(addDays(today, days), hhmm);

/**
 * Writes the catalogue and the reports into `campaignId`. `departmentIds` is keyed like DEPARTMENTS
 * in demoOrg.ts (lian, xingshi, …); the people are looked up by name, as demoData.ts wrote them.
 */
export async function writeDemoInspection(
  writer: ChangeWriter,
  place: { campaignId: string; today: string; departmentIds: Record<string, string> },
): Promise<void> {
  const problemIds: string[] = [];
  const problemTitles: string[] = [];
  for (const [aspectIndex, aspect] of DEMO_CATALOGUE.entries()) {
    const aspectRow = await writer.insert('problemAspects', {
      campaignId: place.campaignId,
      title: aspect.title,
      sortOrder: aspectIndex + 1,
    });
    for (const [problemIndex, [title, description]] of aspect.problems.entries()) {
      const row = await writer.insert('problems', {
        campaignId: place.campaignId,
        aspectId: aspectRow.id,
        title,
        description,
        sortOrder: problemIndex + 1,
      });
      problemIds.push(row.id);
      problemTitles.push(title);
    }
  }

  const people = await writer.trx
    .selectFrom('people')
    .select(['id', 'name', 'departmentId'])
    .where('deletedAt', 'is', null)
    .execute();
  const personOf = (key: PersonKey) => people.find((p) => p.name === PEOPLE[key].name);
  const reviewer = PEOPLE[REVIEWER].name;
  const claimFields = (claim: DemoClaim) => {
    const catalogued = typeof claim.problem === 'number';
    return {
      problemId: catalogued ? problemIds[(claim.problem as number) - 1] : null,
      problemTitle: catalogued ? problemTitles[(claim.problem as number) - 1] : (claim.problem as string),
      ownProblem: catalogued ? '' : (claim.problem as string),
      facts: claim.facts,
      cause: claim.cause,
      measures: claim.measures,
      deadline: addDays(place.today, claim.due),
    };
  };

  for (const report of DEMO_REPORTS) {
    let subject: { personId: string | null; departmentId: string | null; name: string; filer: string };
    if ('person' in report.subject) {
      const person = personOf(report.subject.person);
      if (!person) continue;
      subject = { personId: person.id, departmentId: person.departmentId, name: person.name, filer: person.name };
    } else {
      const departmentId = place.departmentIds[report.subject.department];
      if (!departmentId) continue;
      const head = PEOPLE[DEPARTMENT_HEADS[report.subject.department]].name;
      subject = { personId: null, departmentId, name: DEPARTMENTS[report.subject.department], filer: head };
    }
    const last = report.rounds[report.rounds.length - 1];
    const decision = last?.decision;
    const reportRow = await writer.insert('inspectionReports', {
      campaignId: place.campaignId,
      scope: subject.personId ? 'person' : 'department',
      personId: subject.personId,
      departmentId: subject.departmentId,
      subjectName: subject.name,
      status: report.status,
      round: report.rounds.length,
      noProblem: report.noProblemReason !== undefined ? 1 : 0,
      noProblemReason: report.noProblemReason ?? '',
      submittedAt: last ? at(place.today, last.submittedDay, '16:40') : null,
      // Filed on paper by people without an account here: nobody is barred from reviewing them.
      submittedBy: null,
      submittedByName: last ? subject.filer : '',
      decidedAt: decision ? at(place.today, decision.day, '10:15') : null,
      reviewer: decision ? reviewer : '',
      reviewNote: decision?.note ?? '',
    });
    for (const [index, claim] of report.claims.entries()) {
      const { problemTitle: _title, ...fields } = claimFields(claim);
      await writer.insert('inspectionClaims', { reportId: reportRow.id, ...fields, sortOrder: index + 1 });
    }
    for (const [index, round] of report.rounds.entries()) {
      const snapshot: RoundSnapshot = {
        noProblem: report.noProblemReason !== undefined,
        noProblemReason: round.noProblemReason ?? report.noProblemReason ?? '',
        claims: (round.claims ?? report.claims).map(claimFields),
      };
      await writer.insert('inspectionRounds', {
        reportId: reportRow.id,
        round: index + 1,
        submittedAt: at(place.today, round.submittedDay, '16:40'),
        submittedByName: subject.filer,
        snapshotJson: JSON.stringify(snapshot),
        decision: round.decision ? (round.decision.accepted ? 'accepted' : 'returned') : null,
        decidedAt: round.decision ? at(place.today, round.decision.day, '10:15') : null,
        reviewer: round.decision ? reviewer : '',
        reason: round.decision?.note ?? '',
      });
    }
  }
}
