import type { CliIo, ExitCode } from './cli-io';

/** One `kiosk` subcommand. Each lives in electron/cli/commands/<name>.ts. */
export interface CliCommand {
  readonly name: string;
  readonly summary: { readonly vi: string; readonly en: string };
  /** Arguments after the command name, with the global --json/--lang removed. */
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
