// Named points where a test can make this process die as a power cut would (SIGKILL: no
// finally, no exit handlers, nothing flushed that was not flushed already). The crash-safety
// test runs the real command line once per point and checks that the court opens afterwards
// exactly as before the operation or exactly as after it. Inert unless COURT_TEST_CRASH_AT is set:
// "name" dies at the first pass through that point, "name#3" at the third.
const spec = process.env.COURT_TEST_CRASH_AT ?? '';
const [wantedName, wantedCount] = spec.split('#');
const target = Number(wantedCount ?? '1');
let hits = 0;

export function crashPoint(name: string): void {
  if (!spec || name !== wantedName) return;
  hits += 1;
  if (hits === target) process.kill(process.pid, 'SIGKILL');
}
