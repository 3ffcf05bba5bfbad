// A tiny inline trend of an indicator's last values: a line through them, the last point marked
// and, when there is a target, a dashed line at it. Plain SVG, so it costs nothing to draw per row.
import { indicatorText as t } from './text';

export function Sparkline({
  values,
  target,
  name,
  color = 'var(--mantine-color-court-6, #1c5fa8)',
  width = 96,
  height = 26,
}: {
  values: number[];
  target: number | null;
  name: string;
  color?: string;
  width?: number;
  height?: number;
}) {
  if (values.length < 2) return <span style={{ display: 'inline-block', width, height }} aria-hidden />;
  const pad = 3;
  const all = target === null ? values : [...values, target];
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const x = (i: number) => pad + (i * (width - pad * 2)) / (values.length - 1);
  const y = (v: number) => pad + ((max - v) * (height - pad * 2)) / (max - min);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.length - 1;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t.sparkLabel(name)}
      data-testid="indicator-sparkline"
    >
      {target !== null && (
        <line
          x1={pad}
          x2={width - pad}
          y1={y(target)}
          y2={y(target)}
          stroke="var(--mantine-color-gray-5)"
          strokeWidth={1}
          strokeDasharray="3 2"
        />
      )}
      <polyline
        points={points}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      <circle cx={x(last)} cy={y(values[last])} r={2.5} fill={color} />
    </svg>
  );
}
