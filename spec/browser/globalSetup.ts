import { spawnSync } from 'node:child_process';
import { startSimulator } from '../../simulator/server';

declare global {
  var __simulator: { close(): Promise<void> } | undefined;
}

/** Builds the app for the simulator once and serves the simulator on a free port for every browser test. */
export default async function globalSetup(): Promise<void> {
  const build = spawnSync('npx', ['webpack', '--mode', 'development', '--env', 'simulator'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('simulator build failed');
  const simulator = await startSimulator({ port: 0 });
  process.env.SIMULATOR_URL = simulator.url;
  globalThis.__simulator = simulator;
}
