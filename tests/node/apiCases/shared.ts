// What every file of API cases shares: the fixture (a court with the administrator logged in and
// one campaign with two sections), the failure assertion, and small builders.
import { expect } from 'vitest';
import type { Failure, OperationName, Result } from '../../../src/shared/api';
import type { openCourt } from '../harness';

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
  return fx.h.ok('items.create', { campaignId: fx.campaign.id, sectionId: fx.sections[0].id, title: '落实当场立案制度', ...fields });
}

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A reviewer other than the administrator, for the two-person rule (销号 needs two people). */
export async function secondReviewer(fx: Fixture) {
  await fx.h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
  return fx.h.as('chenzr');
}

export const MISSING_ID = '0190f0e4-0000-7000-8000-000000000000';
