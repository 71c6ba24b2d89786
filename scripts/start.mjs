// `npm start`: builds the app for the simulator (dist-sim/) and serves the local Zendesk workspace on one port
// (PORT, default 4400). `--no-build` serves the last build (or the ZAF probe app if there is none).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);

if (!process.argv.includes('--no-build')) {
  console.log('Building the app for the simulator (dist-sim/)…');
  const build = spawnSync(bin('webpack'), ['--mode', 'development', '--env', 'simulator'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('The simulator build failed; see the errors above.');
    process.exit(build.status ?? 1);
  }
} else if (!existsSync(join(root, 'dist-sim/assets/iframe.html'))) {
  console.log('No dist-sim/ build: the sidebars show the ZAF probe app instead of Goalpost.');
}

const server = spawn(bin('tsx'), [join(root, 'simulator/server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '4400' },
});
// Ctrl-C stops the server too, and npm start exits with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
