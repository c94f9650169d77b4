// Loads each native module the kiosk needs and rebuilds the ones that fail
// (for example pcsclite compiled before libpcsclite-dev was installed).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const modules = ['better-sqlite3', 'pcsclite', 'node-hid', 'sharp', 'pkcs11js'];

for (const name of modules) {
  try {
    require(name);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`ensure-native: ${name} does not load (${reason}); rebuilding`);
    const result = spawnSync('npm', ['rebuild', name], {
      stdio: 'inherit',
      env: { ...process.env, npm_config_nodedir: '/usr' },
    });
    if (result.status !== 0) {
      console.error(`ensure-native: npm rebuild ${name} failed; see the output above`);
      process.exit(1);
    }
  }
}
