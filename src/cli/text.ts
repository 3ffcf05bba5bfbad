// Every sentence the command line prints for people, in one place.
import dayjs from 'dayjs';
import type { BundleKind, ExportReport, ImportReport } from '../shared/model';

export const PROGRAM = 'npm run --silent cli --';

export const LEVEL_NAMES: Record<string, string> = {
  high: '高级人民法院',
  intermediate: '中级人民法院',
  basic: '基层人民法院',
};

/** A path as it can be pasted back into a shell. */
const quoted = (value: string): string => (/^[\w./:\-\u4e00-\u9fa5]+$/.test(value) ? value : `"${value}"`);

export const levelName = (level: string): string => LEVEL_NAMES[level] ?? level;

const KIND_NAMES: Record<BundleKind, string> = { report_up: '上报包', package_down: '下发包' };
export const kindName = (kind: string): string => KIND_NAMES[kind as BundleKind] ?? kind;

/** One line per command, shown by `help` and after a usage error. */
export const COMMAND_USAGE: Record<string, string> = {
  init: 'init --data 文件夹 --code 法院代码 --name 法院名称 --level high|intermediate|basic [--parent 上级法院代码 --parent-name 上级法院名称] [--operator 管理员姓名] [--json]',
  demo: 'demo --data 文件夹 [--json]，或 demo --province 新文件夹 [--json]',
  status: 'status --data 文件夹 [--json]',
  fingerprint: 'fingerprint --data 文件夹 [--json]',
  export: 'export --data 文件夹 --out 文件 [--full] [--json]',
  publish: 'publish --data 文件夹 --campaign 活动编号 --out 文件 [--json]',
  inspect: 'inspect 文件 [--data 文件夹] [--json]',
  import: 'import --data 文件夹 文件 [--dry-run] [--trust 指纹]… [--add-to-roster 法院代码]… [--json]',
  report:
    'report --data 文件夹 --campaign 活动编号 --kind checklist|inspection|ledger|summary|province|orders|notice --format pdf|xlsx|html|docx --out 文件 [--court 法院代码] [--notice 通报编号] [--json]',
  call: 'call --data 文件夹 操作名 [JSON 输入]',
  diagnostics: 'diagnostics export --data 文件夹 --to 文件夹 [--json]',
  help: 'help',
  restore: 'restore --data 文件夹 备份文件 [--passphrase-file 口令文件] [--json]',
  verify: 'verify --data 文件夹 [--json]',
  backup: 'backup --data 文件夹 [--out 文件] [--passphrase-file 口令文件] [--json]',
  recovery:
    'recovery request --data 新文件夹 --court 法院代码 --name 法院名称 --out 文件夹 | recovery export --data 文件夹 --request 恢复申请 --fingerprint 指纹 --out 文件夹 | recovery preview --data 文件夹 恢复包 | recovery import --data 文件夹 恢复包 --parent-fingerprint 指纹 [--json]',
};

const COMMAND_PURPOSE: Record<string, string> = {
  init: '初始化本院：建立数据库、本院信息和管理员账户（admin，打印一次临时密码）',
  demo: '载入示例专项活动数据；--province 在一个新文件夹里建一个示例省份（高院、3 家中院、12 家基层法院，相互交换真实的同步包）',
  status: '查看本院信息、各专项活动进度和本库所存各法院的数据',
  fingerprint: '显示本院密钥指纹（8 组，每组 5 位数字），供电话核对',
  export: '导出上报包（给上级法院）；--full 导出完整快照',
  publish: '发布某专项活动的下发包（给下级法院）',
  inspect: '查看同步包的基本信息；给出 --data 时可解开发给本院的加密包',
  import:
    '导入同步包；--dry-run 只预览不写入；首次收到某法院的包时须用 --trust 确认其指纹；不在本院应报名单中的法院须用 --add-to-roster 加入',
  report:
    '生成报表文件（推进清单、查摆报告表、整改台账、活动总结，上级法院另有下级法院进度表和督办台账；--kind notice --notice 通报编号 生成一份通报公文），可为 PDF、XLSX 或 HTML，查摆报告表和通报另可为 DOCX；--court 生成本库所存下级法院的报表',
  call: '以 JSON 输入调用任意接口操作，输出 JSON 结果',
  diagnostics:
    '导出诊断信息（运行日志、版本、完整性检查结果和各表记录数，不含数据库、密钥和佐证材料），供技术人员排查问题',
  help: '显示本说明',
  restore:
    '从备份恢复本院数据：先逐项核对备份（文件校验、所属法院、版本、口令、数据库、审计链、佐证材料），再把当前数据另存为一份备份后替换；数据文件夹正被窗口或其他命令使用时拒绝',
  verify: '校验本院数据的完整性（数据库、审计链、每个佐证材料文件）；发现问题时逐条列出，退出码为 1',
  recovery:
    '恢复包：重装后的法院生成恢复申请（request，显示新密钥指纹）；上级法院核对指纹后制作恢复包并停用旧密钥（export）；重装的法院查看（preview）并在核对上级法院指纹后导入（import），接续上报编号和审计链',
  backup:
    '立即备份本院数据（数据库快照和佐证材料）；--out 指定备份文件（佐证材料存在其旁边的 evidence 文件夹）；--passphrase-file 用该文件第一行作为备份口令加密（含本院密钥）',
};

export function fullUsage(): string {
  const lines = ['专项活动督导台 命令行', '', '用法：'];
  for (const [command, usage] of Object.entries(COMMAND_USAGE)) {
    lines.push(`  ${PROGRAM} ${usage}`, `      ${COMMAND_PURPOSE[command]}`);
  }
  lines.push(
    '',
    '加 --json 时，标准输出只有一个 JSON 文档。',
    '退出码：0 成功；1 被拒绝（会打印错误代码，如 E_TAMPERED）；2 命令用法有误。',
    '文件夹即程序使用的数据文件夹（其中有 court.sqlite3）。',
  );
  return lines.join('\n');
}

export function commandUsage(command: string | null): string {
  if (command && COMMAND_USAGE[command])
    return `用法：${PROGRAM} ${COMMAND_USAGE[command]}\n运行 ${PROGRAM} help 查看全部命令。`;
  return `运行 ${PROGRAM} help 查看全部命令。`;
}

export const USAGE = {
  noCommand: '缺少命令。',
  unknownCommand: (name: string) => `没有“${name}”这个命令。`,
  unknownOption: (name: string) => `不认识的选项 ${name}。`,
  missingValue: (name: string) => `选项 ${name} 后面缺少取值。`,
  noValueExpected: (name: string) => `选项 ${name} 不需要取值。`,
  badArgs: '命令参数有误。',
  missingOption: (name: string) => `缺少选项 ${name}。`,
  repeatedOption: (name: string) => `选项 ${name} 只能给一次。`,
  missingFile: '缺少同步包文件名。',
  missingOperation: '缺少操作名。',
  missingBackupFile: '缺少备份文件名。',
  tooManyArgs: (extra: string) => `多余的参数：${extra}。`,
  badLevel: (value: string) =>
    `法院层级“${value}”不正确，应为 high（高级人民法院）、intermediate（中级人民法院）或 basic（基层人民法院）。`,
  parentNeeded: '中级、基层人民法院须给出 --parent 上级法院代码 和 --parent-name 上级法院名称。',
  badOptionValue: (option: string, message: string) => `选项 ${option} 的取值有误：${message}`,
  badJson: (message: string) => `JSON 输入无法解析：${message}`,
  badChoice: (option: string, value: string, choices: string) =>
    `选项 ${option} 的取值“${value}”不正确，应为 ${choices}。`,
  formatNotOffered: (kind: string, format: string, allowed: string) =>
    `${kind}不能生成 ${format} 文件，--format 可选 ${allowed}。`,
  missingAction: (expected: string) => `缺少要做的事，应为 ${expected}。`,
  unknownAction: (value: string, expected: string) => `不认识“${value}”，应为 ${expected}。`,
  prefix: '用法错误：',
  provinceWithData:
    '--province 和 --data 不能同时给出：--data 给一个法院载入示例数据，--province 在新文件夹里建一个示例省份。',
};

export const MESSAGES = {
  refused: (code: string, message: string) => `未能完成（${code}）：${message}`,
  internal: (message: string) => `内部错误：${message}`,
  noDatabase: (dir: string) =>
    `文件夹“${dir}”里没有督导台的数据库。请检查 --data 文件夹是否正确；新装的法院请先运行 init。`,
  notFolder: (dir: string) => `“${dir}”是一个文件，不是文件夹。--data 应指向数据文件夹。`,
  notSetUp: (dir: string) => `文件夹“${dir}”里的数据库尚未设置本院信息，请先运行 init。`,
  fileMissing: (file: string) => `找不到文件“${file}”。`,
  interrupted: '已收到中断请求，正在安全停止（不会写入一半的数据）。再按一次 Ctrl+C 将立即退出。',

  initDone: (name: string, code: string, level: string) => `已初始化：${name}（${code}，${levelName(level)}）`,
  dataFolder: (dir: string) => `数据文件夹：${dir}`,
  adminAccount: (username: string, displayName: string) => `管理员账户：${username}（${displayName}）`,
  temporaryPassword: (password: string) => `临时密码：${password}，首次在程序中登录时须修改`,
  passwordOnce: '这个临时密码只显示这一次，请妥善转交。',

  demoStarted: '正在载入示例数据…',
  progress: (done: number, total: number, message: string) => (total > 0 ? `${message}（${done}/${total}）` : message),
  demoDone: (campaigns: number, items: number) => `已载入示例数据：${campaigns} 项专项活动，共 ${items} 个事项。`,
  jobCancelled: '已取消，没有写入任何数据。',

  provinceStarted: (dir: string) => `正在建立示例省份（约需一两分钟）：${dir}`,
  provinceDone: (courts: number, bundles: number, seconds: number) =>
    `示例省份已建成：${courts} 家法院，相互交换了 ${bundles} 个同步包，用时 ${seconds} 秒。`,
  provinceFolder: (dir: string) => `文件夹：${dir}（每家法院一个数据文件夹，以法院代码命名）`,
  provinceCampaigns: (titles: string[]) => `专项活动：${titles.join('、')}`,
  provinceBundles: (dir: string) => `各法院交换的同步包留在：${dir}`,
  provinceOpenHigh: (name: string) => `打开${name}（下级法院进度在“专项活动 → 下级法院进度”）：`,
  provincePreview: (dataDir: string) => `npm run preview -- --data ${quoted(dataDir)}`,
  provinceOpenOther:
    '其他法院同样用 --data 指向它的文件夹；同时打开几家法院时，再加 --port 端口号（如 --port 5181）以免冲突。',
  provinceAccounts: (username: string, password: string) =>
    `每家法院的登录账户：用户名 ${username}，密码 ${password}（示例数据，仅供体验）`,
  provinceCourtsHeader: '各法院：',
  provinceCourt: (
    c: { code: string; name: string; level: string; items: number; done: number; lastReportAt: string | null },
    days: number | null,
  ) =>
    `  ${c.name}（${c.code}，${levelName(c.level)}）：事项 ${c.items}，已完成 ${c.done}，${
      c.level === 'high'
        ? '汇总全省进度'
        : days === null
          ? '从未上报'
          : `最近上报：${days === 0 ? '今天' : `${days} 天前`}${days >= 30 ? '（数据陈旧）' : ''}`
    }`,

  fingerprintCourt: (name: string, code: string) => `${name}（${code}）`,
  fingerprint: (value: string) => `本院指纹：${value}`,
  fingerprintHint: '与对方法院核对时，请逐组读出这 8 组数字。',

  exported: (report: ExportReport) => {
    const what =
      report.kind === 'package_down' ? '已发布下发包' : report.full ? '已导出上报包（完整快照）' : '已导出上报包';
    const facts = [`第 ${report.seq} 号`, `${report.rows} 行`, `${report.files} 个文件`];
    if (report.nested > 0) facts.push(`转报 ${report.nested} 个下级法院同步包`);
    facts.push(report.encrypted ? '已加密' : '未加密');
    return `${what}：${report.filePath}（${facts.join('，')}）`;
  },
  exportTarget: (name: string, code: string) => `收件法院：${name}（${code}）`,

  diagnosticsSaved: (file: string, entries: number) => `已导出诊断信息：${file}（${entries} 个文件）`,
  diagnosticsHint: '请把这个文件交给技术人员。其中没有数据库、本院密钥和佐证材料。',

  importPreview: '预览（没有写入任何数据）：',
  unchanged: '同步包内容本院已有，没有需要改动的数据。',
  importChange: (c: ImportReport['changes'][number]) =>
    `  ${c.courtName}（${c.courtCode}）${c.campaignTitle ? ` · ${c.campaignTitle}` : ''}：新增 ${c.added}，更新 ${c.updated}，未变 ${c.unchanged}${c.older ? `，较旧未用 ${c.older}` : ''}`,
  importOlder: (older: number) => `另有 ${older} 行比本院已有的版本旧，没有使用（数据不会倒退）。`,
  materialized: (m: ImportReport['materialized']) =>
    `本院规定动作：新增 ${m.added} 项，更新 ${m.updated} 项，移除 ${m.removed} 项`,
  needsTrustIntro: '以下法院是第一次出现，导入前须核对其指纹：',
  needsTrustCourt: (court: { code: string; name: string; level: string; fingerprint: string }) =>
    `  ${court.name}（${court.code}${court.level ? `，${levelName(court.level)}` : ''}）指纹：${court.fingerprint}`,
  needsTrustHow: (dir: string, file: string, fingerprints: string[]) => {
    const trust = fingerprints.map((f) => `--trust "${f}"`).join(' ');
    return `请通过电话等可靠方式与对方法院逐组核对指纹；核对无误后，加上 ${trust} 重新运行：\n  ${PROGRAM} import --data ${quoted(dir)} ${quoted(file)} ${trust}`;
  },

  bundleHeader: (kind: string, full: boolean) => `${kindName(kind)}${full ? '（完整快照）' : ''}`,
  bundleSource: (name: string, code: string) => `发件法院：${name}（${code}）`,
  bundleTarget: (name: string, code: string) => `收件法院：${name}（${code}）`,
  bundleSeq: (seq: number, from: number, through: number) => `序号：第 ${seq} 号（变更 ${from}–${through}）`,
  bundleCreated: (at: string) => `生成时间：${dayjs(at).format('YYYY-MM-DD HH:mm')}`,
  bundleCounts: (rows: number, files: number) => `内容：${rows} 行，${files} 个文件`,
  bundleCampaign: (title: string) => `专项活动：${title}`,
  bundleNested: (count: number, kind: string) =>
    kind === 'package_down' ? `内含上级法院下发包 ${count} 个：` : `转报下级法院同步包 ${count} 个：`,
  bundleNestedEntry: (n: {
    source: { code: string; name: string };
    seq: number;
    full: boolean;
    rows: number;
    files: number;
  }) =>
    `  ${n.source.name}（${n.source.code}）第 ${n.seq} 号${n.full ? '（完整快照）' : ''}，${n.rows} 行，${n.files} 个文件`,
  bundleEncrypted: '已加密',
  bundleEncryptedOnly: '已加密：内容只有收件法院能解开（给出收件法院的 --data 文件夹可查看详情）。',
  bundleSourceFingerprint: (fingerprint: string) => `发件法院指纹：${fingerprint}`,
  keyMismatchRefused:
    '签名法院使用的密钥与本院信任的不同：可能是伪造的同步包，或对方重装了程序。导入时会被拒绝；请先电话联系对方核实。',
  bundleEntries: (entries: number) => `条目：${entries} 个`,
  signature: (valid: boolean | null, against: 'trusted-keys' | 'self' | null) =>
    valid === null
      ? '签名：未能核验（内容已加密）'
      : !valid
        ? '签名：与本院信任的密钥不符（可能是伪造的同步包，导入时会被拒绝）'
        : against === 'trusted-keys'
          ? '签名：有效；内容逐条核对无误'
          : '签名：与包内自带的公钥相符；内容逐条核对无误',
  selfOnly:
    '注意：未给出 --data，只核对了同步包自身的一致性。包内的公钥任何人都能伪造，是否真由发件法院签发，须用 --data 指定本院数据文件夹，与本院信任的密钥比对。',
  signerStanding: (s: {
    code: string;
    name: string;
    fingerprint: string;
    standing: string | null;
    vouchedBy: string | null;
  }) =>
    `  ${s.name}（${s.code}）指纹 ${s.fingerprint}：${
      {
        trusted: '本院已核对并信任此密钥',
        vouched: '本院经转报担保认识此密钥',
        unknown: '本院尚未信任此法院，导入前须电话核对指纹',
        mismatch: '与本院已信任的密钥不同',
      }[s.standing ?? ''] ?? '未与任何法院的信任记录比对'
    }${s.vouchedBy ? `（由 ${s.vouchedBy} 转报担保）` : ''}`,
  signersIntro: '签名法院：',
  newlyVouchedIntro: '以下法院的密钥将因转报法院的担保而被信任（请确认它们确是其下级或上级法院）：',
  newlyVouchedCourt: (court: {
    code: string;
    name: string;
    level: string;
    fingerprint: string;
    vouchedBy: { code: string; name: string };
  }) =>
    `  ${court.name}（${court.code}${court.level ? `，${levelName(court.level)}` : ''}）指纹：${court.fingerprint}，担保：${court.vouchedBy.name}（${court.vouchedBy.code}）`,
  auditAlert: (court: { code: string; name: string; message: string }) =>
    `警告：${court.name}（${court.code}）${court.message}`,
  statusAuditAlert: (c: { code: string; name: string; auditAlert: string | null }) =>
    `  警告：${c.name}（${c.code}）${c.auditAlert ?? ''}`,

  reportDone: (kind: string, format: string, pages: number | null, file: string) =>
    `已生成${kind}（${format}${pages ? `，${pages} 页` : ''}）：${file}`,
  reportPrinting: '正在生成 PDF…',

  statusCourt: (s: {
    name: string;
    code: string;
    level: string;
    parentName: string | null;
    parentCode: string | null;
  }) =>
    `本院：${s.name}（${s.code}，${levelName(s.level)}）${s.parentCode ? `，上级：${s.parentName ?? ''}（${s.parentCode}）` : ''}`,
  statusToday: (day: string) => `今天：${day}`,
  statusCampaigns: (count: number) => (count ? `专项活动（${count} 项）：` : '专项活动：暂无'),
  statusCampaign: (
    c: {
      title: string;
      year: number;
      issuingCourtName: string;
      items: number;
      done: number;
      signedOff: number;
      overdue: number;
    },
    source: string | null,
  ) =>
    `  ${c.title}（${c.year} 年，部署法院：${c.issuingCourtName || '未填'}${source ? `，来源：${source}` : ''}）：本院事项 ${c.items}，已完成 ${c.done}，已销号 ${c.signedOff}，逾期 ${c.overdue}`,
  statusCampaignId: (id: string) => `    编号：${id}`,
  statusCampaignCourt: (
    name: string,
    c: { code: string; items: number; done: number; signedOff: number; overdue: number },
  ) => `    ${name}（${c.code}）：事项 ${c.items}，已完成 ${c.done}，已销号 ${c.signedOff}，逾期 ${c.overdue}`,
  statusCourts: (count: number) => `本库所存数据的法院（${count} 家）：`,
  statusHeldCourt: (
    c: { code: string; name: string; itemCount: number; rows: number; lastSeq: number },
    self: boolean,
  ) =>
    `  ${c.name}（${c.code}${self ? '，本院' : ''}）：事项 ${c.itemCount}，共 ${c.rows} 行，${self ? '最近上报包' : '最近收到'}：${c.lastSeq ? `第 ${c.lastSeq} 号` : '尚无'}`,
};
