import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { HostAccount } from '../host-page-config';
import { renderBuildFailedHtml, renderBuildingHtml, renderHostHtml } from './render-host-html';
import type { DemoSignInResult } from './sign-in-demo-user';

/** Where the add-in's build is: the host page needs its scripts, and the bridge must serve the taskpane. */
export type AddinBuildState = { status: 'building'; progress: string } | { status: 'ready' } | { status: 'failed'; message: string };

export interface OutlookHostDeps {
  bridgeUrl: string;
  accounts: HostAccount[];
  /** dist/outlook-host: the host page's script, built with the taskpane. */
  scriptsDir: string;
  buildState(): AddinBuildState;
  signIn(account: HostAccount): Promise<DemoSignInResult>;
}

/**
 * The Outlook on the web stand-in's server: the mailbox page (or a "building" page while the add-in
 * builds), its script, and sign-in for the demo users.
 */
export function createOutlookHostApp(deps: OutlookHostDeps): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    const build = deps.buildState();
    switch (build.status) {
      case 'building':
        return c.html(renderBuildingHtml(build.progress), 503);
      case 'failed':
        return c.html(renderBuildFailedHtml(build.message), 500);
      case 'ready':
        return c.html(renderHostHtml({ bridgeUrl: deps.bridgeUrl, accounts: deps.accounts }));
    }
  });

  app.get('/status', (c) => c.json(deps.buildState()));

  app.get('/host.js', async (c) => {
    const script = await readFile(join(deps.scriptsDir, 'host.js'), 'utf8').catch(() => undefined);
    if (script === undefined) return c.json({ code: 'not_found', message: 'the host page script is not built yet' }, 404);
    c.header('Cache-Control', 'no-cache');
    return c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });

  app.post('/token', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const email = typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string' ? body.email.toLowerCase() : '';
    const account = deps.accounts.find((candidate) => candidate.email.toLowerCase() === email);
    if (!account) return c.json({ code: 'invalid_input', message: `no demo account ${email}` }, 400);
    const result = await deps.signIn(account).catch((error: unknown): DemoSignInResult => ({ ok: false, refused: false, message: error instanceof Error ? error.message : String(error) }));
    if (!result.ok) return c.json({ code: result.refused ? 'auth_required' : 'unavailable', message: result.message }, result.refused ? 401 : 502);
    c.header('Cache-Control', 'no-store');
    return c.json({ accessToken: result.accessToken, expiresIn: result.expiresIn });
  });

  return app;
}
