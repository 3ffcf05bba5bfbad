// `demo --province DIR`: builds a whole demo province (a high court, its intermediate and basic
// courts, each in DIR/<code>/) that exchanged real signed bundles, and prints how to open each
// court and log in.
import { buildProvinceDemo, type ProvinceResult } from '../main/demo/provinceDemo';
import { optional, required, UsageError, type ParsedCommand } from './args';
import type { Output } from './output';
import { MESSAGES, USAGE } from './text';

function printSummary(result: ProvinceResult, output: Output): void {
  const high = result.courts[0];
  output.line(MESSAGES.provinceDone(result.courts.length, result.bundles, Math.round(result.ms / 1000)));
  output.line(MESSAGES.provinceFolder(result.dir));
  output.line(MESSAGES.provinceCampaigns(result.campaigns));
  output.line(MESSAGES.provinceBundles(result.bundleDir));
  output.line();
  output.line(MESSAGES.provinceOpenHigh(high.name));
  output.line(`  ${MESSAGES.provincePreview(high.dataDir)}`);
  output.line(MESSAGES.provinceOpenOther);
  output.line();
  output.line(MESSAGES.provinceAccounts(high.username, high.password));
  output.line(MESSAGES.provinceCourtsHeader);
  // Ages from the province's own clock: the reports were dated that many whole days before it (noon
  // of "today" in China time was off by a day once the two calendars' dates differed).
  const now = Date.parse(result.builtAt);
  for (const court of result.courts) {
    const days =
      court.lastReportAt === null ? null : Math.max(0, Math.round((now - Date.parse(court.lastReportAt)) / 86_400_000));
    output.line(MESSAGES.provinceCourt(court, days));
    output.line(`      ${MESSAGES.provincePreview(court.dataDir)}`);
  }
}

export async function runProvinceDemo(parsed: ParsedCommand, output: Output): Promise<void> {
  if (optional(parsed, 'data') !== undefined) throw new UsageError(USAGE.provinceWithData, 'demo');
  const dir = required(parsed, 'province');
  if (!output.json) output.note(MESSAGES.provinceStarted(dir));
  const result = await buildProvinceDemo(dir, {
    progress: (step, total, message) => {
      if (!output.json) output.note(MESSAGES.progress(step, total, message));
    },
  });
  if (output.json) {
    output.document(result);
    return;
  }
  printSummary(result, output);
}
