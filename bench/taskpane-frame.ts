import type { Frame, Page } from 'playwright-core';

/** The taskpane's frame in the Outlook host page, once the host has loaded it. */
export async function taskpaneFrame(page: Page, taskpanePath = '/taskpane.html'): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((candidate) => candidate.url() && new URL(candidate.url()).pathname === taskpanePath);
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the host page never loaded the taskpane');
}
