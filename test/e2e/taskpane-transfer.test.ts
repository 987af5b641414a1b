/**
 * What a user downloads before the sender's card shows, measured by Chromium itself: the
 * production taskpane of `npm start`, served by the bridge with its precompressed copies.
 */
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeScript, type ProbeWindow, type ScriptLoad } from '../../bench/taskpane-probe';
import { taskpaneFrame } from '../../bench/taskpane-frame';
import { waitForCard } from '../../bench/wait-for-card';
import { recordScriptTransfers, type ScriptTransfer } from '../../dev/outlook-host/automation/record-script-transfers';
import { hostChannel } from '../../dev/outlook-host/host-protocol';
import { demoItemIds } from '../../dev/outlook-host/page/demo-mailbox';
import { brotliBudgetBytes } from '../../scripts/bundle/measure-taskpane-bundle';
import { useDemoStack } from './support/use-demo-stack';

const world = useDemoStack('the taskpane on the wire');

if (world) {
  describe('the taskpane on the wire', () => {
    let beforeCard: (ScriptTransfer & ScriptLoad)[] = [];
    let page: Page;
    let pane: Frame;

    beforeAll(async () => {
      await world.browser.context.addInitScript({ content: probeScript({ channel: hostChannel, taskpanePath: '/taskpane.html' }) });
      const recorder = recordScriptTransfers(world.browser.context);
      page = await world.browser.context.newPage();
      await page.goto(`${world.stack.hostUrl}/?lang=en&item=${demoItemIds.ana}`);
      pane = await taskpaneFrame(page);
      await waitForCard(pane, 1);
      const opened = await pane.evaluate(() => {
        const probe = (window as ProbeWindow).paneProbe;
        return probe ? { paintedAt: probe.cards[0]?.paintedAt, scripts: probe.scripts(), timeOrigin: probe.timeOrigin } : undefined;
      });
      recorder.stop();
      if (!opened?.paintedAt) throw new Error('the taskpane showed no card for the first message');
      const cardAt = opened.paintedAt - opened.timeOrigin;
      const transfers = await recorder.transfers();
      const bridge = new URL(world.stack.bridgeUrl).origin;
      beforeCard = opened.scripts
        // Office.js is the host's (Microsoft's CDN in production), not the add-in's.
        .filter((script) => script.responseEnd <= cardAt && new URL(script.url).origin === bridge && !new URL(script.url).pathname.startsWith('/outlook-host/'))
        .map((script) => {
          const transfer = transfers.find((candidate) => candidate.url === script.url);
          if (!transfer) throw new Error(`Chromium recorded no transfer for ${script.url}`);
          return { ...script, ...transfer };
        });
    }, 120_000);

    it('gets every script of the add-in as its brotli copy', () => {
      expect(beforeCard.length).toBeGreaterThan(0);
      for (const script of beforeCard) expect(script.encoding, script.url).toBe('br');
    });

    it(`transfers at most ${brotliBudgetBytes / 1000} KB of JavaScript, headers included, before the sender’s card shows`, () => {
      const bytes = beforeCard.reduce((total, script) => total + script.bodyBytes + script.headerBytes, 0);
      console.log(`taskpane JavaScript on the wire before the card: ${(bytes / 1000).toFixed(1)} KB (${beforeCard.map((script) => new URL(script.url).pathname).join(' ')})`);
      expect(bytes).toBeLessThanOrEqual(brotliBudgetBytes);
    });

    it('fetches the Settings view’s chunk when the pointer reaches its button, before any click', async () => {
      const settingsChunk = /\/settings\.[0-9a-f]{8}\.js$/;
      expect(beforeCard.some((script) => settingsChunk.test(new URL(script.url).pathname))).toBe(false);
      const [response] = await Promise.all([page.waitForResponse((candidate) => settingsChunk.test(new URL(candidate.url()).pathname)), pane.getByRole('button', { name: 'Settings' }).hover()]);
      expect(response.ok()).toBe(true);
      expect(await pane.getByRole('heading', { level: 1, name: 'Settings' }).count()).toBe(0);
    });
  });
}
