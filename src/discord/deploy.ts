/**
 * Registering the slash commands: one bulk overwrite (PUT), so the registered
 * set always equals the modules in commands/. Guild-scoped when a guild id is
 * given (instant; for development), global otherwise.
 */
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

export interface DeployTarget {
  token: string;
  apiBase: string;
  /** Fetched with the token when not given. */
  applicationId?: string | undefined;
  guildId?: string | undefined;
}

export interface DeployResult {
  applicationId: string;
  scope: 'guild' | 'global';
  names: string[];
}

export async function deployCommands(target: DeployTarget, bodies: RESTPostAPIApplicationCommandsJSONBody[]): Promise<DeployResult> {
  const rest = new REST({ api: target.apiBase }).setToken(target.token);
  try {
    const applicationId = target.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const route = target.guildId ? Routes.applicationGuildCommands(applicationId, target.guildId) : Routes.applicationCommands(applicationId);
    const registered = (await rest.put(route, { body: bodies })) as { name: string }[];
    return { applicationId, scope: target.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
