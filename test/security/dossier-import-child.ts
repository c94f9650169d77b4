// The CLI's `kiosk --json dossier import FILE` without loading every other
// command (card, OCR, HID…): start-up is most of a CLI run, and the crash test
// needs 80 of them. Same command object, same store, same output.
import { createCliIo } from '../../electron/cli/cli-io';
import { dossierCommand } from '../../electron/cli/commands/dossier';

const file = process.argv[2] ?? '';
process.exitCode = await dossierCommand.run(
  ['import', file],
  createCliIo({ locale: 'vi', json: true }),
);
