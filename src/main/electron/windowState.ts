// Restoring the window where the clerk left it, without ever putting it off-screen (a laptop
// taken from its docking station, a projector unplugged). Pure, so the tests can run it.
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, type WindowBoundsHint } from './security';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1366, height: 860 } as const;

export function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k] as number));
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Saved bounds are used when a good part of the window (its title bar region at least) lies on
 * one of today's screens; otherwise the default size, centred by the system.
 */
export function restoreBounds(saved: unknown, workAreas: Rect[]): WindowBoundsHint {
  const largest = workAreas.reduce<Rect | null>(
    (best, r) => (!best || r.width * r.height > best.width * best.height ? r : best),
    null,
  );
  const fit = (width: number, height: number) => ({
    width: Math.max(MIN_WINDOW_WIDTH, Math.min(width, largest?.width ?? width)),
    height: Math.max(MIN_WINDOW_HEIGHT, Math.min(height, largest?.height ?? height)),
  });
  if (!isRect(saved)) return fit(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height);
  const size = fit(Math.round(saved.width), Math.round(saved.height));
  const candidate = { x: Math.round(saved.x), y: Math.round(saved.y), ...size };
  const titleBar: Rect = { x: candidate.x, y: candidate.y, width: candidate.width, height: 40 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= Math.min(200 * 40, candidate.width * 40) / 2);
  return visible ? candidate : size;
}
