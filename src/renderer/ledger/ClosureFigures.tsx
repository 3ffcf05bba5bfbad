// Closure figures on top of the ledger, stated as the Zhejiang rectification report states them:
// "信访件：受理 451 件，办结 450 件，办结率 99.8%", per source and overall; long-term apart.
import { Alert, Group, Paper, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ClosureFigure, LedgerClosure } from '../../shared/model';
import { Figure } from '../common/Figure';
import { ledgerSourceCounting, ledgerSourceText, ledgerText as t } from './text';

export function formatRate(rate: number | null): string {
  return rate === null ? t.noRate : `${rate.toFixed(1)}%`;
}

function extras(figure: ClosureFigure, unit: string): string {
  const parts: string[] = [];
  if (figure.open > 0) parts.push(t.openPart(figure.open, unit));
  if (figure.longTerm > 0) parts.push(t.longTermPart(figure.longTerm, unit));
  return parts.join('；');
}

export function ClosureFigures({ closure, error }: { closure: LedgerClosure | null; error: string | null }) {
  if (error) {
    return (
      <Alert color="red" title={t.closureFailed}>
        {error}
      </Alert>
    );
  }
  if (!closure) return <Skeleton h={150} />;
  const o = closure.overall;
  const sources = closure.bySource.filter((s) => s.total > 0);
  return (
    <Paper withBorder p="md" radius="sm" data-testid="ledger-closure">
      <Group gap={6} mb="sm">
        <Text fw={600} size="md">
          {t.closureTitle}
        </Text>
        <Tooltip label={t.closureHint} multiline w={360} withArrow>
          <IconInfoCircle size={16} color="var(--mantine-color-gray-6)" aria-label={t.closureHint} />
        </Tooltip>
      </Group>
      <Group gap="sm" align="flex-start">
        <Figure label={t.figTotal} value={o.total} testId="fig-ledger-total" />
        <Figure label={t.figClosed} value={o.closed} color="teal.8" testId="fig-ledger-closed" />
        <Figure
          label={t.figRate}
          value={o.rate === null ? t.noRate : o.rate.toFixed(1)}
          suffix={o.rate === null ? undefined : '%'}
          color="court.9"
          testId="fig-ledger-rate"
        />
        <Figure label={t.figOpen} value={o.open} color={o.open ? 'orange.8' : undefined} testId="fig-ledger-open" />
        <Figure label={t.figLongTerm} value={o.longTerm} testId="fig-ledger-longterm" />
      </Group>
      {/* The report's sentences: overall first, then each source that has findings. */}
      <div className="lg-lines" data-testid="closure-lines">
        {o.total === 0 ? (
          <Text c="dimmed" size="sm" pt="sm">
            {t.noFindingsYet}
          </Text>
        ) : (
          <>
            <div className="lg-line" data-testid="closure-line-overall">
              <span className="lg-line-src">{t.overallLabel}</span>
              <span>
                <span className="lg-line-main">
                  {t.overallCount(o.total, o.closed)}
                  <span className="lg-line-rate">{formatRate(o.rate)}</span>
                </span>
                {extras(o, t.overallUnit) && <span className="lg-line-extra">{extras(o, t.overallUnit)}</span>}
              </span>
            </div>
            {sources.map((s) => {
              const counting = ledgerSourceCounting[s.source];
              return (
                <div className="lg-line" key={s.source} data-testid={`closure-line-${s.source}`}>
                  <span className="lg-line-src">{ledgerSourceText[s.source]}</span>
                  <span>
                    <span className="lg-line-main">
                      {t.sourceCount(counting.received, counting.unit, s.total, s.closed)}
                      <span className="lg-line-rate">{formatRate(s.rate)}</span>
                    </span>
                    {extras(s, counting.unit) && <span className="lg-line-extra">{extras(s, counting.unit)}</span>}
                  </span>
                </div>
              );
            })}
          </>
        )}
      </div>
    </Paper>
  );
}
