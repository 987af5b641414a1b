import type { Frame } from 'playwright-core';
import type { ProbeWindow } from './taskpane-probe';

/** Waits until the pane has watched `count` cards to completion (the probe stamps the times). */
export async function waitForCard(pane: Frame, count: number) {
  await pane.waitForFunction(
    (wanted) => {
      const cards = (window as ProbeWindow).paneProbe?.cards ?? [];
      return cards.length >= wanted && cards[wanted - 1]?.completeAt !== undefined && cards[wanted - 1]?.paintedAt !== undefined;
    },
    count,
    { polling: 50, timeout: 30_000 },
  );
}
