/**
 * npm run deploy-commands: register the slash commands in commands/ with
 * Discord — for one server when DISCORD_GUILD_ID is set (takes effect at once),
 * globally otherwise. Needs DISCORD_TOKEN; DISCORD_APPLICATION_ID is fetched
 * with the token when unset.
 */
import { ConfigError, loadConfig } from '../config.js';
import { deployCommands } from '../discord/deploy.js';
import { commandDefinitions, loadCommands } from '../discord/loader.js';
import { runMain } from './main.js';

runMain(async () => {
  const config = loadConfig();
  if (config.DISCORD_TOKEN === undefined) throw new ConfigError('DISCORD_TOKEN: required to register commands (the bot token from the Developer Portal → Bot)');
  const commands = await loadCommands();
  const result = await deployCommands(
    { token: config.DISCORD_TOKEN, apiBase: config.DISCORD_API_BASE, applicationId: config.DISCORD_APPLICATION_ID, guildId: config.DISCORD_GUILD_ID },
    commandDefinitions(commands),
  );
  const where = result.scope === 'guild' ? `server ${config.DISCORD_GUILD_ID}` : 'every server the bot is in (global)';
  process.stdout.write(`Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(' ')}\n`);
  return 0;
});
