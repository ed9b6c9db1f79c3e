/**
 * The bot's commands: the lookups of the registry (lookupCommands.ts), then the
 * modules in commands/, where every .ts/.js file default-exports a BotCommand.
 * A file that does not is a programming error, reported with its name.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_ROOT } from '../paths.js';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { lookupCommands } from './lookupCommands.js';
import type { BotCommand } from './command.js';

/** The command modules: commands/*.ts under tsx, dist/commands/*.js once compiled. */
export const COMMANDS_DIR = resolve(CODE_ROOT, 'commands');

export class CommandModuleError extends Error {}

function isCommandFile(file: string): boolean {
  return /\.(ts|js|mjs)$/.test(file) && !/\.(d|test)\.[mc]?[tj]s$/.test(file);
}

export async function loadCommands(dir = COMMANDS_DIR): Promise<BotCommand[]> {
  const files = readdirSync(dir).filter(isCommandFile).sort();
  const commands: BotCommand[] = lookupCommands();
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    commands.push(asCommand(module.default, file));
  }
  assertUniqueNames(commands);
  return commands;
}

function asCommand(value: unknown, file: string): BotCommand {
  const candidate = value as Partial<BotCommand> | undefined;
  if (typeof candidate?.data?.toJSON !== 'function' || typeof candidate.execute !== 'function' || typeof candidate.options?.safeParse !== 'function') {
    throw new CommandModuleError(`commands/${file}: default export must be a command made with defineCommand({ data, options, execute })`);
  }
  return candidate as BotCommand;
}

function assertUniqueNames(commands: BotCommand[]): void {
  const seen = new Set<string>();
  for (const command of commands) {
    const key = `${command.data.toJSON().type ?? 1}:${command.data.name}`;
    if (seen.has(key)) throw new CommandModuleError(`two command modules define /${command.data.name}`);
    seen.add(key);
  }
}

/** The bodies to register with Discord. */
export function commandDefinitions(commands: BotCommand[]): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((command) => command.data.toJSON());
}
