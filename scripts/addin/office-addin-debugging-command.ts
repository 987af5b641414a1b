/**
 * `npm run sideload [-- --manifest PATH]` and `npm run stop [-- --manifest PATH]`: for a developer
 * with a real Outlook (Windows or Mac desktop), registers the add-in's manifest with it, or removes
 * it, through Microsoft's office-addin-debugging. That tool is fetched by npx when first used
 * rather than installed with the project: it brings the Microsoft 365 Agents Toolkit, whose
 * keytar dependency downloads a native binary at install time (docs/add-in.md#a-real-outlook).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The major version the documentation describes. */
const officeAddinDebugging = 'office-addin-debugging@7';

export class SideloadArgumentError extends Error {
  override readonly name = 'SideloadArgumentError';
}

/**
 * The command that sideloads (`start`) or removes (`stop`) the manifest, resolved against the
 * project; the manifest must exist.
 * @example officeAddinDebuggingCommand('start', ['--manifest', 'local/manifest.xml'], '/work/project')
 */
export function officeAddinDebuggingCommand(action: 'start' | 'stop', argv: string[], projectRoot = root): { command: string; args: string[]; manifest: string } {
  let manifestArgument = 'manifest.xml';
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--manifest' && argv[index + 1] !== undefined) manifestArgument = argv[(index += 1)] ?? manifestArgument;
    else throw new SideloadArgumentError(`unexpected argument ${flag ?? ''}: the only option is --manifest PATH`);
  }
  const manifest = resolve(projectRoot, manifestArgument);
  if (!existsSync(manifest)) throw new SideloadArgumentError(`no manifest at ${manifest}: write one with npm run manifest -- --url https://localhost:3000 --app-id <App ID> --out <folder>`);
  if (!/\.(xml|json)$/.test(manifest)) throw new SideloadArgumentError(`${manifest} is not a manifest (.xml or .json)`);
  const args = action === 'start' ? ['--yes', officeAddinDebugging, 'start', manifest, 'desktop', '--app', 'outlook', '--no-debug'] : ['--yes', officeAddinDebugging, 'stop', manifest];
  return { command: 'npx', args, manifest };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [action, ...rest] = process.argv.slice(2);
  try {
    if (action !== 'start' && action !== 'stop') throw new SideloadArgumentError('start or stop?');
    const { command, args } = officeAddinDebuggingCommand(action, rest);
    console.log(`${command} ${args.join(' ')}`);
    process.exit(spawnSync(command, args, { stdio: 'inherit', cwd: root }).status ?? 1);
  } catch (error) {
    if (!(error instanceof SideloadArgumentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
