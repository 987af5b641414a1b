import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../../dev/outlook-host/automation/launch-chromium';
import { type DemoStack, startDemoStack } from '../../../dev/outlook-host/automation/start-demo-stack';
import { missingChromiumReason } from './find-chromium';

/** What a browser test file drives: `npm start` on free ports and the system's Chromium. */
export interface DemoWorld {
  readonly stack: DemoStack;
  readonly browser: LaunchedChromium;
}

/**
 * One `npm start` and one Chromium for the whole test file (starting them is most of the cost),
 * started before its tests and stopped after. Without Chromium it registers one skipped test that
 * says why, and returns undefined: the caller then defines no tests.
 * @example const world = useDemoStack('the taskpane on the wire'); if (world) describe(…, () => { … world.browser … });
 */
export function useDemoStack(title: string): DemoWorld | undefined {
  const missingChromium = missingChromiumReason();
  if (missingChromium) {
    // A skipped file shows no test names in the default report: say it where it is seen.
    console.warn(`${title}: skipped: ${missingChromium}`);
    describe(title, () => {
      it.skip(`is skipped: ${missingChromium}`, () => undefined);
    });
    return undefined;
  }
  let started: { stack: DemoStack; browser?: LaunchedChromium } | undefined;
  beforeAll(async () => {
    started = { stack: await startDemoStack({ timeoutMs: 240_000 }) };
    started.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await started?.browser?.close();
    await started?.stack.stop();
  }, 30_000);
  const running = () => {
    if (!started?.browser) throw new Error(`${title}: the demo stack and Chromium are not running (their start failed)`);
    return { stack: started.stack, browser: started.browser };
  };
  return {
    get stack() {
      return running().stack;
    },
    get browser() {
      return running().browser;
    },
  };
}
