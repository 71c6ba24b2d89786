// `npm start`: builds the app for the simulator (dist-sim/) and serves the local Zendesk workspace.
import { spawnSync, spawn } from 'node:child_process';

const build = spawnSync('npx', ['webpack', '--mode', 'development', '--env', 'simulator'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('The simulator build failed; see the errors above.');
  process.exit(build.status ?? 1);
}
const server = spawn('npx', ['tsx', 'simulator/server.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '4400' },
});
server.on('exit', (code) => process.exit(code ?? 0));
