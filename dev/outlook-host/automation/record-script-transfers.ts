import type { BrowserContext, Request } from 'playwright-core';

/** One script as it crossed the network, from Chromium's own accounting. */
export interface ScriptTransfer {
  url: string;
  /** `br`, `gzip`, or undefined when the body came as it is. */
  encoding: string | undefined;
  /** The body as sent, still compressed. */
  bodyBytes: number;
  headerBytes: number;
}

export interface ScriptTransferRecorder {
  /** Every script finished so far, once their sizes are known. */
  transfers(): Promise<ScriptTransfer[]>;
  stop(): void;
}

/**
 * Records what each script of every page and frame of `context` cost on the wire (Playwright's
 * `request.sizes()`, which reads the DevTools protocol's encoded lengths), so a figure is what a
 * user downloads, compressed as the server sent it.
 * @example const recorder = recordScriptTransfers(context); …; const scripts = await recorder.transfers();
 */
export function recordScriptTransfers(context: BrowserContext): ScriptTransferRecorder {
  const pending: Promise<ScriptTransfer>[] = [];
  const onFinished = (request: Request) => {
    if (request.resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const encoding = (await response?.headerValue('content-encoding')) ?? undefined;
        return { url: request.url(), encoding, bodyBytes: sizes.responseBodySize, headerBytes: sizes.responseHeadersSize };
      })(),
    );
  };
  context.on('requestfinished', onFinished);
  return {
    transfers: () => Promise.all(pending),
    stop: () => context.off('requestfinished', onFinished),
  };
}
