// The rectification ledger (整改台账): findings, measures, their progress, evidence and sign-off;
// look-backs (回头看); and the light history of any record.
import * as z from 'zod';
import { defineOperation, MANAGERS, REVIEWER, WORKERS } from '../contract';
import { lightRecordKinds, lights, type LightSpan } from '../common/commonModel';
import {
  byId,
  byVersionedId,
  checkFileSource,
  courtCode,
  evidenceFile,
  isoDate,
  optionalDate,
  optionalText,
  requiredText,
  rowId,
  version,
} from '../common/schemas';
import {
  type FindingDetail,
  type LedgerClosure,
  type LedgerEvidence,
  ledgerEvidencePhases,
  type LedgerRow,
  ledgerSources,
  type LookbackRow,
  type MeasureDetail,
  measureStatuses,
} from './ledgerModel';

const measureFields = {
  text: requiredText(2000, '整改措施', 'paragraphs'),
  owner: optionalText(40, '责任人'),
  leadLeader: optionalText(40, '牵头院领导'),
  departmentId: z.union([rowId, z.null()]).optional().default(null),
  deadline: optionalDate,
  longTerm: z.boolean().optional().default(false),
};

export const ledgerOperations = {
  'lights.history': defineOperation<LightSpan[]>()(z.object({ kind: z.enum(lightRecordKinds), id: rowId }), 'user'),
  'ledger.list': defineOperation<LedgerRow[]>()(
    z.object({
      campaignId: rowId,
      source: z.enum(ledgerSources).optional(),
      status: z.enum(measureStatuses).optional(),
      departmentId: rowId.optional(),
      light: z.enum(lights).optional(),
      courtCode: courtCode.optional(),
    }),
    'user',
  ),
  'ledger.closure': defineOperation<LedgerClosure>()(
    z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
    'user',
  ),
  'ledger.getFinding': defineOperation<FindingDetail>()(byId, 'user'),
  'ledger.createFinding': defineOperation<FindingDetail>()(
    z.object({
      campaignId: rowId,
      source: z.enum(ledgerSources, { error: '请选择问题来源' }),
      reference: optionalText(100, '文号或编号'),
      title: requiredText(300, '问题'),
      detail: optionalText(8200, '问题详情', 'paragraphs'),
      receivedDate: optionalDate,
      departmentId: z.union([rowId, z.null()]).optional().default(null),
    }),
    WORKERS,
  ),
  'ledger.updateFinding': defineOperation<FindingDetail>()(
    z.object({
      id: rowId,
      version,
      source: z.enum(ledgerSources, { error: '请选择问题来源' }),
      reference: optionalText(100, '文号或编号'),
      title: requiredText(300, '问题'),
      detail: optionalText(8200, '问题详情', 'paragraphs'),
      receivedDate: optionalDate,
      departmentId: z.union([rowId, z.null()]).optional().default(null),
    }),
    WORKERS,
  ),
  'ledger.deleteFinding': defineOperation<{ id: string }>()(byVersionedId, WORKERS),
  'ledger.getMeasure': defineOperation<MeasureDetail>()(byId, 'user'),
  'ledger.createMeasure': defineOperation<MeasureDetail>()(z.object({ findingId: rowId, ...measureFields }), WORKERS),
  'ledger.updateMeasure': defineOperation<MeasureDetail>()(z.object({ id: rowId, version, ...measureFields }), WORKERS),
  'ledger.deleteMeasure': defineOperation<{ id: string }>()(byVersionedId, WORKERS),
  'ledger.addProgress': defineOperation<MeasureDetail>()(
    z.object({
      measureId: rowId,
      eventDate: isoDate,
      text: requiredText(4000, '整改进展', 'paragraphs'),
    }),
    WORKERS,
  ),
  'ledger.submit': defineOperation<MeasureDetail>()(
    z.object({ id: rowId, version, note: requiredText(4000, '完成情况', 'paragraphs') }),
    WORKERS,
  ),
  'ledger.signOff': defineOperation<MeasureDetail>()(
    z.object({ id: rowId, version, opinion: optionalText(1000, '销号意见', 'paragraphs') }),
    REVIEWER,
  ),
  'ledger.sendBack': defineOperation<MeasureDetail>()(
    z.object({ id: rowId, version, reason: requiredText(1000, '退回理由', 'paragraphs') }),
    REVIEWER,
  ),
  /** 重新打开 a signed-off measure with the reason: back to work, to be submitted and signed off again. */
  'ledger.reopenMeasure': defineOperation<MeasureDetail>()(
    z.object({ id: rowId, version, reason: requiredText(1000, '重新打开的理由', 'paragraphs') }),
    REVIEWER,
  ),
  'ledger.addEvidence': defineOperation<LedgerEvidence>()(
    z
      .object({
        measureId: rowId,
        phase: z.enum(ledgerEvidencePhases, { error: '请选择佐证材料类别（整改前、整改后或回头看）' }),
        lookbackId: z.union([rowId, z.null()]).optional().default(null),
        ...evidenceFile,
      })
      .refine((v) => v.phase !== 'lookback' || v.lookbackId !== null, {
        path: ['lookbackId'],
        message: '回头看佐证材料须指明是哪一次回头看',
      })
      .superRefine(checkFileSource),
    WORKERS,
  ),
  'ledger.removeEvidence': defineOperation<{ id: string }>()(byVersionedId, WORKERS),
  'ledger.openEvidence': defineOperation<{ opened: boolean }>()(byId, 'user'),
  'lookbacks.list': defineOperation<LookbackRow[]>()(
    z
      .object({ campaignId: rowId.optional(), includeDone: z.boolean().optional().default(false) })
      .optional()
      .default({ includeDone: false }),
    'user',
  ),
  'lookbacks.record': defineOperation<MeasureDetail>()(
    z.object({
      id: rowId,
      version,
      result: z.enum(['passed', 'relapsed'], { error: '请选择回头看结论' }),
      note: requiredText(4000, '回头看情况', 'paragraphs'),
    }),
    REVIEWER,
  ),
  'lookbacks.reschedule': defineOperation<MeasureDetail>()(
    z.object({ id: rowId, version, dueDate: isoDate }),
    MANAGERS,
  ),
};
