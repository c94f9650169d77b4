// npm copies this package into node_modules (install-links=true), so the
// project's script is found through INIT_CWD, the folder npm was started in.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = process.env.INIT_CWD ?? process.cwd();
const script = join(root, 'build', 'install-system-deps.sh');
if (!existsSync(script)) {
  console.log(`kiosk-system-deps: ${script} not found; system packages not checked`);
  process.exit(0);
}
// Never fail npm install here: the script prints the exact apt command to run.
spawnSync('bash', [script], { stdio: 'inherit' });
