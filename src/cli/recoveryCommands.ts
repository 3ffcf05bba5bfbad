// `recovery request | export | preview | import`: the 恢复包 steps for a court's IT staff, the same
// service the screens call (src/main/recovery). request, preview and import run on a data folder
// with no court set up yet (a reinstalled computer); export on the parent court's folder.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../main/api/errors';
import type { Services } from '../main/app/services';
import {
  exportRecovery,
  importRecovery,
  previewRecovery,
  readRequestView,
  requestRecovery,
} from '../main/recovery/recoveryService';
import { courtCode } from '../shared/common/schemas';
import { fingerprintText } from '../shared/api';
import { required, UsageError, type ParsedCommand } from './args';
import { openFolder, withCourt } from './dataFolder';
import type { Output } from './output';
import { levelName, MESSAGES, USAGE } from './text';

const ACTIONS = 'request、export、preview 或 import';

function existingFile(file: string): string {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile())
    throw new ApiError('E_NOT_FOUND', MESSAGES.fileMissing(file));
  return resolved;
}

function checked<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T; error?: { issues: { message: string }[] } } },
  option: string,
  value: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(USAGE.badOptionValue(option, result.error!.issues[0].message), 'recovery');
  return result.data as T;
}

/** A folder without a court yet: created for `request`; it must hold the database for the others. */
async function withFreshFolder<T>(dir: string, create: boolean, work: (services: Services) => Promise<T>): Promise<T> {
  const services = openFolder(dir, { create });
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

export async function runRecovery(parsed: ParsedCommand, output: Output): Promise<void> {
  const [action, file] = parsed.positionals;
  const data = required(parsed, 'data');
  if (action !== 'import' && action !== 'preview' && file !== undefined) {
    throw new UsageError(USAGE.tooManyArgs(file), 'recovery');
  }
  switch (action) {
    case 'request': {
      const code = checked<string>(courtCode, '--court', required(parsed, 'court'));
      const name = required(parsed, 'name');
      const out = required(parsed, 'out');
      const request = await withFreshFolder(data, true, (services) =>
        requestRecovery(services.ctx, { courtCode: code, courtName: name, folder: out }),
      );
      if (output.json) return output.document(request);
      output.line(`已生成恢复申请：${request.path}`);
      output.line(`本机新密钥指纹：${request.fingerprint}`);
      output.note('请把恢复申请交给上级法院，并在电话中把上面的指纹逐组读给对方核对。');
      return;
    }
    case 'export': {
      const requestFile = existingFile(required(parsed, 'request'));
      const fingerprint = checked<string>(fingerprintText, '--fingerprint', required(parsed, 'fingerprint'));
      const out = required(parsed, 'out');
      await withCourt(data, async ({ ctx }) => {
        const view = await readRequestView(ctx, requestFile);
        if (view.refusal) throw new ApiError('E_NOT_SUBORDINATE', view.refusal);
        const made = await exportRecovery(ctx, { file: requestFile, fingerprint, folder: out });
        if (output.json) return output.document(made);
        output.line(`已为${made.courtName}（${made.courtCode}）制作恢复包：${made.path}`);
        output.line(`内含 ${made.rows} 条数据、${made.files} 个佐证材料文件，已加密，只有对方新装的程序能打开。`);
        output.line(`该院的旧密钥（指纹 ${made.retiredFingerprint}）已停用；此后用旧密钥签名的同步包一律拒收。`);
      });
      return;
    }
    case 'preview':
    case 'import': {
      if (file === undefined) throw new UsageError('缺少恢复包文件名。', 'recovery');
      const packageFile = existingFile(file);
      const parentFingerprint =
        action === 'import'
          ? checked<string>(fingerprintText, '--parent-fingerprint', required(parsed, 'parent-fingerprint'))
          : '';
      await withFreshFolder(data, false, async (services) => {
        if (action === 'preview') {
          const preview = await previewRecovery(services.ctx, packageFile);
          if (output.json) return output.document(preview);
          output.line(`恢复包：${preview.court.name}（${preview.court.code}，${levelName(preview.court.level)}）`);
          output.line(`制作法院：${preview.parent.name}（${preview.parent.code}），指纹 ${preview.parent.fingerprint}`);
          output.line(
            `内含 ${preview.rows} 条数据、${preview.files} 个佐证材料文件；上级法院已收到本院第 ${preview.lastSeq} 号上报包。`,
          );
          for (const campaign of preview.campaigns) output.line(`  ${campaign.title}：${campaign.items} 个事项`);
          output.note('请与上级法院电话核对上面的指纹，一致后用 --parent-fingerprint 给出指纹导入。');
          return;
        }
        const result = await importRecovery(services.ctx, packageFile, parentFingerprint);
        if (output.json) return output.document(result);
        output.line(
          `已从恢复包重建${result.courtName}（${result.courtCode}）：${result.rows} 条数据、${result.files} 个佐证材料文件。`,
        );
        output.line(`本院下一个上报包为第 ${result.nextSeq} 号。`);
        output.note('账户没有随恢复包恢复：请打开程序为本院设置管理员。');
      });
      return;
    }
    default:
      throw new UsageError(
        action === undefined ? USAGE.missingAction(ACTIONS) : USAGE.unknownAction(action, ACTIONS),
        'recovery',
      );
  }
}
