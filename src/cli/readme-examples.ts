/**
 * npm run readme:examples — refreshes the example answers in README.md from the
 * real commands, so the README shows what the product prints today.
 *
 * A block looks like:
 *   <!-- example: npm run -s ask -- "/who Rutte" | lines=40 -->
 *   ```text
 *   …replaced…
 *   ```
 *   <!-- /example -->
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT as ROOT } from '../paths.js';

const README = resolve(ROOT, 'README.md');
const BLOCK = /<!-- example: (.+?)(?: \| lines=(\d+))? -->\n```(\w*)\n[\s\S]*?```\n<!-- \/example -->/g;

function run(command: string, maxLines: number | null): string {
  const output = execSync(command, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DISCORD_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
  const lines = output.split('\n');
  if (maxLines === null || lines.length <= maxLines) return output;
  return `${lines.slice(0, maxLines).join('\n')}\n… (${lines.length - maxLines} more lines)`;
}

const text = readFileSync(README, 'utf8');
const updated = text.replace(BLOCK, (_all, command: string, lines: string | undefined, lang: string) => {
  const output = run(command, lines ? Number(lines) : null);
  return `<!-- example: ${command}${lines ? ` | lines=${lines}` : ''} -->\n\`\`\`${lang}\n$ ${command}\n${output}\n\`\`\`\n<!-- /example -->`;
});
writeFileSync(README, updated);
process.stdout.write(`README examples refreshed (${(text.match(BLOCK) ?? []).length} blocks)\n`);
