import type { CliCommand } from '../command';
import { calendarCommand } from './calendar';
import { cardCommand } from './card';
import { catalogueCommand } from './catalogue';
import { doctorCommand } from './doctor';
import { dossierCommand } from './dossier';
import { formsCommand } from './forms';
import { hidCommand } from './hid';
import { mrzCommand } from './mrz';
import { ocrCommand } from './ocr';
import { receiptCommand } from './receipt';
import { scanCommand } from './scan';
import { staffCommand } from './staff';
import { syncCommand } from './sync';

/** Every `kiosk` subcommand. Add one line per new command file. */
export const commands: readonly CliCommand[] = [
  doctorCommand,
  syncCommand,
  dossierCommand,
  hidCommand,
  cardCommand,
  staffCommand,
  scanCommand,
  ocrCommand,
  mrzCommand,
  receiptCommand,
  catalogueCommand,
  calendarCommand,
  formsCommand,
];
