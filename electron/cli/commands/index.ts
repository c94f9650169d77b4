import type { CliCommand } from '../command';
import { doctorCommand } from './doctor';

/** Every `kiosk` subcommand. Add one line per new command file. */
export const commands: readonly CliCommand[] = [doctorCommand];
