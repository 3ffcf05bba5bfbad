// The audit log's words (issue 14): every coded value a record can hold reads in Chinese, a code
// the map does not know reads as a generic word, and free text stays as it was typed.
import { describe, expect, it } from 'vitest';
import {
  auditCodeText,
  auditFieldText,
  auditOperationText,
  auditTableText,
  auditText,
} from '../../src/renderer/common/auditText';
import { itemKinds, itemStatuses } from '../../src/shared/checklist/checklistModel';
import { campaignStatuses } from '../../src/shared/campaigns/campaignsModel';
import { courtLevels } from '../../src/shared/court/courtModel';
import {
  indicatorDirections,
  indicatorLines,
  indicatorPeriodKinds,
  indicatorUnits,
} from '../../src/shared/indicators/indicatorsModel';
import { inspectionScopes, inspectionStatuses } from '../../src/shared/inspection/inspectionModel';
import { ledgerSources, measureStatuses } from '../../src/shared/ledger/ledgerModel';

const chinese = /^[^a-z]*[\u4e00-\u9fff][^a-z]*$/;

const cases: Array<[table: string, field: string, values: readonly string[]]> = [
  ['campaigns', 'status', campaignStatuses],
  ['items', 'status', itemStatuses],
  ['items', 'kind', itemKinds],
  ['ledgerMeasures', 'status', measureStatuses],
  ['lookbacks', 'status', ['scheduled', 'passed', 'relapsed']],
  ['ledgerEvents', 'kind', ['progress', 'submit', 'sign_off', 'send_back', 'lookback_pass', 'lookback_relapse']],
  ['inspectionReports', 'status', inspectionStatuses],
  ['inspectionReports', 'scope', inspectionScopes],
  ['inspectionRounds', 'decision', ['accepted', 'returned']],
  ['signoffs', 'decision', ['approved', 'returned', 'reopened']],
  ['ledgerFindings', 'source', ledgerSources],
  ['indicators', 'line', indicatorLines],
  ['indicators', 'unit', indicatorUnits],
  ['indicators', 'direction', indicatorDirections],
  ['indicators', 'period', indicatorPeriodKinds],
  ['courts', 'level', courtLevels],
  ['courts', 'kind', ['report_up', 'package_down']],
];

describe('audit log words', () => {
  it.each(cases)('%s.%s reads in Chinese for every value', (table, field, values) => {
    for (const value of values) {
      const text = auditCodeText(table, field, value);
      expect(text, `${table}.${field}=${value}`).toMatch(chinese);
      expect(text, `${table}.${field}=${value}`).not.toBe(auditText.otherValue);
    }
  });

  it('the same code reads by its record: a measure "reopened" is not a sign-off "reopened"', () => {
    expect(auditCodeText('ledgerMeasures', 'status', 'reopened')).toBe('回头看发现反弹');
    expect(auditCodeText('signoffs', 'decision', 'reopened')).toBe('重新打开');
    expect(auditCodeText('inspectionReports', 'status', 'draft')).toBe('草稿');
    expect(auditCodeText('lookbacks', 'status', 'relapsed')).toBe('发现反弹');
  });

  it('an unknown code reads as a generic word, never as the code', () => {
    expect(auditCodeText('items', 'status', 'archived')).toBe(auditText.otherValue);
    expect(auditCodeText('someNewTable', 'kind', 'brand_new')).toBe(auditText.otherValue);
    expect(auditCodeText('items', 'owner', 'late_sign_off')).toBe(auditText.otherValue);
  });

  it('the written summary’s entries read in Chinese: its operations, its table and the 亮点 field', () => {
    for (const operation of ['mark-highlight', 'unmark-highlight', 'summary-save', 'summary-reset'])
      expect(auditOperationText[operation], operation).toMatch(chinese);
    expect(auditTableText.summaryTexts).toBe('活动总结文稿');
    expect(auditFieldText.highlight).toBe('亮点');
    expect(auditFieldText.body).toBe('正文');
  });

  it('free text, names and dates stay as typed', () => {
    expect(auditCodeText('items', 'owner', '刘洋')).toBeNull();
    expect(auditCodeText('users', 'username', 'admin')).toBeNull();
    expect(auditCodeText('items', 'deadline', '2026-11-24')).toBeNull();
  });
});
