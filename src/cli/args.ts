// Reads the command line with Node's util.parseArgs (strict): which command, its options and its
// positional arguments. Anything unexpected becomes a UsageError, which exits with code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { USAGE } from './text';

export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | null,
  ) {
    super(message);
  }
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

const data = { type: 'string' } as const;
const json = { type: 'boolean' } as const;

/** Options each command accepts, and how many positional arguments it takes. */
export const COMMANDS = {
  init: {
    options: {
      data,
      code: { type: 'string' },
      name: { type: 'string' },
      level: { type: 'string' },
      parent: { type: 'string' },
      'parent-name': { type: 'string' },
      operator: { type: 'string' },
      json,
    },
    positionals: [0, 0],
  },
  demo: { options: { data, province: { type: 'string' }, json }, positionals: [0, 0] },
  status: { options: { data, json }, positionals: [0, 0] },
  fingerprint: { options: { data, json }, positionals: [0, 0] },
  export: { options: { data, out: { type: 'string' }, full: { type: 'boolean' }, json }, positionals: [0, 0] },
  publish: { options: { data, campaign: { type: 'string' }, out: { type: 'string' }, json }, positionals: [0, 0] },
  inspect: { options: { data, json }, positionals: [1, 1] },
  import: {
    options: {
      data,
      'dry-run': { type: 'boolean' },
      trust: { type: 'string', multiple: true },
      'add-to-roster': { type: 'string', multiple: true },
      json,
    },
    positionals: [1, 1],
  },
  report: {
    options: {
      data,
      campaign: { type: 'string' },
      kind: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      court: { type: 'string' },
      notice: { type: 'string' },
      json,
    },
    positionals: [0, 0],
  },
  call: { options: { data, json }, positionals: [1, 2] },
  // `diagnostics export`: the action is checked by the command, so a missing one is named.
  diagnostics: { options: { data, to: { type: 'string' }, json }, positionals: [0, 1] },
  help: { options: {}, positionals: [0, 1] },
  restore: { options: { data, 'passphrase-file': { type: 'string' }, json }, positionals: [1, 1] },
  verify: { options: { data, json }, positionals: [0, 0] },
  backup: {
    options: { data, out: { type: 'string' }, 'passphrase-file': { type: 'string' }, json },
    positionals: [0, 0],
  },
  // `recovery request|export|preview|import [FILE]`: the action is checked by the command.
  recovery: {
    options: {
      data,
      court: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      request: { type: 'string' },
      fingerprint: { type: 'string' },
      'parent-fingerprint': { type: 'string' },
      json,
    },
    positionals: [0, 2],
  },
} satisfies Record<string, { options: OptionSpec; positionals: [number, number] }>;

export type CommandName = keyof typeof COMMANDS;

export interface ParsedCommand {
  command: CommandName;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
}

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/** parseArgs reports problems in English with a stable code; name the option in Chinese words. */
function usageFromParseError(error: unknown, command: CommandName): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-{1,2}[^'\s]+)/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(USAGE.unknownOption(option), command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        /argument missing|ambiguous/.test(message ?? '') ? USAGE.missingValue(option) : USAGE.noValueExpected(option),
        command,
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(USAGE.tooManyArgs(/'([^']*)'/.exec(message ?? '')?.[1] ?? ''), command);
    default:
      return new UsageError(USAGE.badArgs, command);
  }
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(USAGE.noCommand, null);
  if (first === '--help' || first === '-h') return { command: 'help', values: {}, positionals: [], json: false };
  if (!isCommandName(first)) throw new UsageError(USAGE.unknownCommand(first), null);
  const command = first;
  if (rest.includes('--help') || rest.includes('-h'))
    return { command: 'help', values: {}, positionals: [command], json: false };
  const spec = COMMANDS[command];
  let parsed: { values: ParsedCommand['values']; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: spec.options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    throw usageFromParseError(error, command);
  }
  // parseArgs keeps the last of a repeated single-value option silently; a repeat is a mistake.
  for (const [name, option] of Object.entries(spec.options as OptionSpec)) {
    if (
      option.type === 'string' &&
      !option.multiple &&
      rest.filter((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)).length > 1
    ) {
      throw new UsageError(USAGE.repeatedOption(`--${name}`), command);
    }
  }
  const [min, max] = spec.positionals;
  if (parsed.positionals.length > max)
    throw new UsageError(USAGE.tooManyArgs(parsed.positionals.slice(max).join(' ')), command);
  if (parsed.positionals.length < min) {
    throw new UsageError(
      command === 'call' ? USAGE.missingOperation : command === 'restore' ? USAGE.missingBackupFile : USAGE.missingFile,
      command,
    );
  }
  return { command, values: parsed.values, positionals: parsed.positionals, json: parsed.values.json === true };
}

/** A required string option, e.g. --data. Empty text counts as missing. */
export function required(parsed: ParsedCommand, name: string): string {
  const value = parsed.values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(USAGE.missingOption(`--${name}`), parsed.command);
  return value;
}

export function optional(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function flag(parsed: ParsedCommand, name: string): boolean {
  return parsed.values[name] === true;
}

export function list(parsed: ParsedCommand, name: string): string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : [];
}
