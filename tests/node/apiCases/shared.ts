// What every file of API cases shares: the fixture (a court with the administrator logged in and
// one campaign with two sections), the failure assertion, and small builders.
import { expect } from 'vitest';
import { UPLOAD_CHUNK_BYTES, type Failure, type OperationName, type Result } from '../../../src/shared/api';
import type { Caller, openCourt } from '../harness';

export type Fixture = Awaited<ReturnType<typeof openCourt>>;

/** One operation's cases: with good input it succeeds; with bad input it is refused in Chinese. */
export type OperationCase = { good: (fx: Fixture) => Promise<void>; bad: (fx: Fixture) => Promise<void> };
export type OperationCases<K extends OperationName> = { [P in K]: OperationCase };

export function expectFailure(result: Result<unknown>, code: string, messagePattern?: RegExp): Failure {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Failure;
  expect(failure.code).toBe(code);
  expect(failure.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(failure.message).not.toMatch(/at .*\.ts:\d+|Error:/);
  if (messagePattern) expect(failure.message).toMatch(messagePattern);
  return failure;
}

export async function withItem(fx: Fixture, fields: Record<string, unknown> = {}) {
  return fx.h.ok('items.create', {
    campaignId: fx.campaign.id,
    sectionId: fx.sections[0].id,
    title: '落实当场立案制度',
    ...fields,
  });
}

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Sends `bytes` as the screens do: in pieces of UPLOAD_CHUNK_BYTES through files.upload; returns the finished upload's id. */
export async function uploadFile(
  caller: Caller,
  bytes: Buffer,
  fileName = '佐证材料.pdf',
  options: { final?: boolean } = {},
): Promise<string> {
  let uploadId: string | null = null;
  const pieces = Math.max(1, Math.ceil(bytes.length / UPLOAD_CHUNK_BYTES));
  for (let index = 0; index < pieces; index += 1) {
    const chunk = bytes.subarray(index * UPLOAD_CHUNK_BYTES, (index + 1) * UPLOAD_CHUNK_BYTES);
    const final = index === pieces - 1 && options.final !== false;
    const sent: { uploadId: string; bytes: number } = await caller.ok('files.upload', {
      uploadId,
      fileName,
      chunkBase64: chunk.toString('base64'),
      final,
    });
    expect(sent.bytes).toBe(Math.min(bytes.length, (index + 1) * UPLOAD_CHUNK_BYTES));
    uploadId = sent.uploadId;
  }
  return uploadId!;
}

/** A reviewer other than the administrator, for the two-person rule (销号 needs two people). */
export async function secondReviewer(fx: Fixture) {
  await fx.h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
  return fx.h.as('chenzr');
}

export const MISSING_ID = '0190f0e4-0000-7000-8000-000000000000';
