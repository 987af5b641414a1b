import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { ensureAddinBuild } from './build/ensure-addin-build';
import type { HostAccount } from './host-page-config';
import { type AddinBuildState, createOutlookHostApp } from './server/create-outlook-host-app';
import { signInDemoUser, type TokenFetch } from './server/sign-in-demo-user';

/** Where the taskpane finds the stand-in: on the bridge, next to taskpane.html. */
export const officeStandInUrl = '/outlook-host/office.js';

export interface OutlookHostOptions {
  /** The project root: dist/ is built and served from there. */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** A port the user did not ask for gives way to a free one when taken. */
  portIsDefault: boolean;
  bridgeUrl: string;
  /** The identity server the demo users sign in to. */
  authority: string;
  /** PEM of the identity server, when it serves HTTPS with its own certificate. */
  certificate: string | undefined;
  accounts: HostAccount[];
  password: string;
  log(message: string): void;
}

export interface OutlookHost {
  url: string;
  /** True once the add-in is built (or found built) and the mailbox page can open; false if the build failed. */
  ready: Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Starts the Outlook on the web stand-in: its page answers at once ("building…"), then shows the
 * mailbox as soon as the production taskpane is in dist/, which the bridge serves.
 */
export async function startOutlookHost(options: OutlookHostOptions): Promise<OutlookHost> {
  let state: AddinBuildState = { status: 'building', progress: 'starting' };
  const fetchToken: TokenFetch = options.certificate ? createTrustingFetch(options.certificate) : fetch;
  const app = createOutlookHostApp({
    bridgeUrl: options.bridgeUrl,
    accounts: options.accounts,
    scriptsDir: join(options.root, 'dist', 'outlook-host'),
    buildState: () => state,
    signIn: (account) => signInDemoUser(options.authority, fetchToken, account, options.password),
  });
  const port = options.portIsDefault && !(await isFree(options.port)) ? 0 : options.port;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(listening));
    listening.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ready = ensureAddinBuild({
    root: options.root,
    officeJsUrl: officeStandInUrl,
    onProgress: (progress) => {
      state = { status: 'building', progress };
      options.log(progress);
    },
  }).then(
    (result) => {
      state = { status: 'ready' };
      options.log(result.built ? `built in ${result.seconds} s` : 'dist/ is up to date');
      return true;
    },
    (error: unknown) => {
      state = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      options.log(`the build failed: ${state.message}`);
      return false;
    },
  );

  return {
    url,
    ready,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
