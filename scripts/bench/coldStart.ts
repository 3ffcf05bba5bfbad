// Cold start-up: a fresh Node process loads the main-process code, opens the court database
// (migrations check included) and answers what the first screen needs: the court profile and the
// log-in state (the log-in screen). Prints the time since the process started, so module loading
// is counted as a person would feel it.
import { performance } from 'node:perf_hooks';
import { createServices } from '../../src/main/app/services';
import { dispatch } from '../../src/main/api/dispatch';

async function main(): Promise<void> {
  const dataDir = process.argv[process.argv.indexOf('--data') + 1];
  const services = createServices({ dataDir });
  const [court, status] = await Promise.all([
    dispatch(services.ctx, 'court.get', undefined),
    dispatch(services.ctx, 'auth.status', undefined),
  ]);
  const elapsed = performance.now();
  await services.close();
  if (!court.ok || !court.value) throw new Error(court.ok ? '没有法院信息' : court.message);
  if (!status.ok || !status.value.hasUsers) throw new Error(status.ok ? '没有账户' : status.message);
  console.log(`COLD_MS=${elapsed.toFixed(2)}`);
}

void main();
