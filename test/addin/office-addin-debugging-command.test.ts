import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { officeAddinDebuggingCommand, SideloadArgumentError } from '../../scripts/addin/office-addin-debugging-command';

const project = mkdtempSync(join(tmpdir(), 'sideload-'));
writeFileSync(join(project, 'manifest.xml'), '<OfficeApp/>');
mkdirSync(join(project, 'local'));
writeFileSync(join(project, 'local', 'manifest.xml'), '<OfficeApp/>');
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('npm run sideload and npm run stop', () => {
  it('sideload the project’s manifest.xml into desktop Outlook through office-addin-debugging', () => {
    expect(officeAddinDebuggingCommand('start', [], project)).toEqual({
      command: 'npx',
      args: ['--yes', 'office-addin-debugging@7', 'start', join(project, 'manifest.xml'), 'desktop', '--app', 'outlook', '--no-debug'],
      manifest: join(project, 'manifest.xml'),
    });
  });

  it('remove the manifest named with --manifest, resolved against the project', () => {
    expect(officeAddinDebuggingCommand('stop', ['--manifest', 'local/manifest.xml'], project).args).toEqual(['--yes', 'office-addin-debugging@7', 'stop', join(project, 'local', 'manifest.xml')]);
  });

  it('stop before running anything when the manifest is missing, saying how to write one', () => {
    expect(() => officeAddinDebuggingCommand('start', ['--manifest', 'nowhere/manifest.xml'], project)).toThrow(SideloadArgumentError);
    expect(() => officeAddinDebuggingCommand('start', ['--manifest', 'nowhere/manifest.xml'], project)).toThrow(/^no manifest at .*nowhere\/manifest\.xml: write one with npm run manifest -- --url https:\/\/localhost:3000/);
  });

  it('refuse an option they do not know', () => {
    expect(() => officeAddinDebuggingCommand('start', ['--browser', 'edge'], project)).toThrow('unexpected argument --browser: the only option is --manifest PATH');
  });
});
