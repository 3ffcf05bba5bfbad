// Demo campaign 3: enforcement work as "一张清单" (seed 003): several task modules merged into one
// table so that a clerk reads everything at once: political duty, the enforcement push (the
// "4+1" mechanism, asset search, leaders taking cases), weak spots found by data analysis, and
// closed-loop supervision with notices to slow departments.
import { DEMO_ZHIXING_TITLE } from '../../shared/demo/demoModel';
import {
  done,
  dueSoon,
  notStarted,
  ongoing,
  overdue,
  progress,
  signed,
  signedLate,
  type DemoCampaign,
} from './demoTypes';

/** The title, shared with the screens (src/shared/demo). */
export const ZHIXING_TITLE = DEMO_ZHIXING_TITLE;

export const zhixingCampaign: DemoCampaign = {
  title: ZHIXING_TITLE,
  issuer: { kind: 'higher', code: 'J00', name: '黑龙江省高级人民法院' },
  monthsBack: 5,
  reviewer: 'reviewer',
  description:
    '统筹“提质增效年”、执行攻坚等活动，把多项任务模块和责任分解合并成“一张清单”，让执行干警一表读懂、明晰到底。' +
    '坚持“标准任务化、任务标准化”，对质效不高、进展不快的部门和责任人及时通报、事中介入，形成闭环。',
  sections: [
    {
      title: '扛牢政治责任',
      items: [
        {
          title: '组织执行干警专题学习党的二十届三中全会精神',
          content: '围绕深化审判权和执行权分离改革、健全国家执行体制开展专题学习和研讨。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          plan: signed(-120),
          notes: ['执行局专题学习会召开。', '干警撰写学习体会38篇，择优报送院刊。'],
        },
        {
          title: '执行局落实“第一议题”制度',
          content: '执行局党支部会议第一议题学习党的创新理论，结合执行工作谈认识、找差距。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          frequency: 'monthly',
          plan: ongoing(),
          notes: ['{月}第一议题学习已完成。', '{月}第一议题学习已完成，结合执行案例讨论。'],
        },
        {
          title: '压实执行局局长、庭长“一岗双责”',
          content: '执行局局长、庭长带头凝聚共识、带头办理难案、带头查找差距。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          owner: 'enforcementChief',
          plan: progress(25, 60),
          notes: ['局长、庭长各包办难案3件。', '已办结难案4件。'],
        },
      ],
    },
    {
      title: '抓实执行攻坚',
      items: [
        {
          title: '走访重点企业和产业项目，了解司法需求',
          content: '深入重点企业、重点产业项目走访调研，为企业纾困提供执行方面的法律服务。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          plan: signed(-60),
          notes: ['走访企业15家。', '形成调研报告，提出善意文明执行措施6条。'],
        },
        {
          title: '用好“执破融合”“活封活扣”化解风险案件',
          content: '对房地产、金融等领域风险案件统筹考虑保交楼、保民生、保稳定，灵活采取查封扣押措施。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          plan: progress(30, 45),
          notes: ['梳理涉房地产企业执行案件22件。', '对4家企业采取“活封”措施，保障项目续建。'],
        },
        {
          title: '落实“4+1”执行工作新机制',
          content: '协调立案、审判部门落实诉前保全、诉中保全、判后答疑、执前和解和交叉执行。',
          kind: 'mandatory',
          lead: 'civilVp',
          dept: 'lian',
          plan: progress(28, 55),
          notes: ['诉前保全和执前和解流程已理顺。', '判后答疑覆盖全部民商事审判团队，交叉执行等待上级指定案件。'],
        },
        {
          title: '用足财产调查手段，减少程序性结案',
          content: '对终本案件逐案复查财产线索，用足网络查控和现场调查手段，提高实际到位率。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          plan: overdue(-8, 65),
          notes: ['复查终本案件300件。', '恢复执行41件，执行到位金额530万元。'],
        },
        {
          title: '院局长包案和定期接访',
          content: '院领导和执行局局长包案化解信访案件，每月定期接待来访群众。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          owner: 'enforcementChief',
          frequency: 'monthly',
          plan: ongoing(),
          notes: ['{月}接访6批次，当场答复4件。', '{月}接访4批次，化解包案1件。'],
        },
        {
          title: '组织观摩老法官合议，培养专家型执行法官',
          content: '发挥传帮带作用，组织青年干警观摩资深法官合议和办案。',
          kind: 'own',
          lead: 'enforcementChief',
          dept: 'zhixing',
          plan: done(-12),
          notes: ['观摩合议两场。', '结对帮带12对，帮带计划已签订。'],
        },
        {
          title: '评选优秀执行裁判文书',
          content: '对典型执行异议、复议案件做好裁决方案，评选一批优秀执行裁判文书。',
          kind: 'own',
          lead: 'enforcementChief',
          dept: 'zhixing',
          plan: dueSoon(2, 70),
          notes: ['收到参评文书19篇。', '初评完成，待专业法官会议复评。'],
        },
      ],
    },
    {
      title: '补强短板弱项',
      items: [
        {
          title: '开展“穿透式”执行数据分析',
          content: '聚焦消极执行、长期未结、信访积案、终本终结、财产处置等问题，逐项靶向施策。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'shenguan',
          plan: progress(30, 50),
          notes: ['执行指标分析报告按月发布。', '针对财产处置周期过长问题制定整改措施。'],
        },
        {
          title: '盘点久推不动的执行改革任务',
          content: '梳理指挥中心实体化运行、人民法庭办理执行案件、交叉执行等领域的堵点，提出破解办法。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'yanjiu',
          plan: notStarted(27),
          notes: [],
        },
        {
          title: '排查执行环节安全隐患，制定防范化解重大风险方案',
          content: '全面排查执行实施安全隐患，做好警务保障，加强舆情研判和应对。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'fajing',
          plan: signedLate(-70, 11),
          notes: ['隐患排查完成，发现问题6个。', '专项方案印发，执行现场警务保障规程同步出台。'],
        },
        {
          title: '定期开展执行专项督察',
          content: '每季度一次执行专项督察，纠治“四风”，警惕“轻违纪”“微腐败”苗头。',
          kind: 'mandatory',
          lead: 'disciplineChief',
          dept: 'jijian',
          frequency: 'quarterly',
          plan: ongoing(),
          notes: ['{季}督察抽查执行卷宗40卷，发现不规范问题5个。'],
        },
      ],
    },
    {
      title: '压茬推进落实',
      items: [
        {
          title: '将多项任务模块合并成“一张清单”',
          content: '把提质增效年、执行攻坚等任务及责任分解合并为一张清单，减轻基层重复报送负担。',
          kind: 'mandatory',
          lead: 'enforcementChief',
          dept: 'zhixing',
          plan: signed(-130),
          notes: ['合并任务模块4个，形成清单17项。'],
        },
        {
          title: '对进展不快的部门和责任人及时通报',
          content: '依托“龙法面对面”系统跟踪督导，对质效不高、进展不快的及时通报、事中介入。',
          kind: 'mandatory',
          lead: 'execVp',
          dept: 'bangong',
          plan: progress(30, 50),
          notes: ['第一次通报印发，点名进展滞后的事项3项。'],
        },
        {
          title: '总结经验做法，宣传执行典型案例',
          content: '提炼执行工作有效举措，联动媒体宣传工作亮点和典型案例。',
          kind: 'own',
          lead: 'politicalChief',
          dept: 'zhengzhi',
          plan: notStarted(30),
          notes: [],
        },
      ],
    },
  ],
};
