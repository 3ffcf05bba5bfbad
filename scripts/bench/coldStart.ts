// Cold start-up: a fresh Node process loads the main-process code, opens the court database
// (migrations check included) and answers the first campaigns.list through dispatch. Prints the
// time since the process started, so module loading is counted as a person would feel it.
import { performance } from 'node:perf_hooks';
import { createServices } from '../../src/main/app/services';
import { dispatch } from '../../src/main/api/dispatch';

async function main(): Promise<void> {
  const dataDir = process.argv[process.argv.indexOf('--data') + 1];
  const services = createServices({ dataDir });
  const result = await dispatch(services.ctx, 'campaigns.list', undefined);
  const elapsed = performance.now();
  await services.close();
  if (!result.ok) throw new Error(result.message);
  console.log(`COLD_MS=${elapsed.toFixed(2)} ROWS=${result.value.length}`);
}

void main();
