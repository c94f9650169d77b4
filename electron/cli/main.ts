import { createCliIo, ExitCode, localeFromEnv, type Locale } from './cli-io';
import { commands } from './commands/index';

/** `kiosk [--json] [--lang vi|en] <command> [args…]` */
async function main(argv: readonly string[]): Promise<ExitCode> {
  const rest: string[] = [];
  let json = false;
  let locale: Locale = localeFromEnv(process.env);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    // `--lang vi|en` is the UI language; any other value (`kiosk ocr --lang vie+eng`) belongs to the command.
    else if (arg === '--lang' && (argv[i + 1] === 'vi' || argv[i + 1] === 'en'))
      locale = argv[++i] === 'en' ? 'en' : 'vi';
    else if (arg !== undefined) rest.push(arg);
  }
  const io = createCliIo({ locale, json });
  const [name, ...args] = rest;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help') {
      io.error(io.t(`Không có lệnh "${name}".`, `No command "${name}".`));
    }
    io.error(
      io.t(
        'Cách dùng: kiosk [--json] [--lang vi|en] <lệnh>',
        'Usage: kiosk [--json] [--lang vi|en] <command>',
      ),
    );
    for (const c of commands)
      io.error(`  ${c.name.padEnd(10)} ${io.t(c.summary.vi, c.summary.en)}`);
    return name === undefined || name === 'help' || name === '--help'
      ? ExitCode.ok
      : ExitCode.usage;
  }
  return (await command.load()).run(args, io);
}

process.exitCode = await main(process.argv.slice(2));
