import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env';

/** webpack names scripts and styles `<name>.<contenthash:8>.<ext>`: a changed file gets a new name, so they never go stale. */
const hashedAsset = /\.[0-9a-f]{8}\.(js|css)(\.map)?$/;

/** The types webpack writes `.br` and `.gz` copies of (webpack.config.js): the answer depends on Accept-Encoding. */
const precompressedType = /^(text\/javascript|application\/javascript|text\/css)\b/;

/**
 * The add-in's production build (`dist/`) at `/`: the brotli or gzip copy webpack made beside each
 * script and style sheet when the request accepts it (br first), with `Vary: Accept-Encoding`;
 * content-hashed files cached for a year, pages revalidated every time. A build that is not there
 * yet (the demo builds it after the bridge starts) is served from the moment it appears.
 * @example app.get('*', serveTaskpane('dist', logger));
 */
export function serveTaskpane(root: string, logger: Logger): MiddlewareHandler<AppEnv> {
  if (!existsSync(root)) logger.info({ root }, 'the add-in is not built yet; it is served once the build is there');
  let files: MiddlewareHandler<AppEnv> | undefined;
  return (c, next) => {
    // Created once the folder exists: serveStatic reports a missing root as an error, which a first start is not.
    if (!files && existsSync(root)) {
      files = serveStatic<AppEnv>({
        root,
        precompressed: true,
        onFound: (_path, c) => {
          c.header('Cache-Control', hashedAsset.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
          const vary = c.res.headers.get('Vary') ?? '';
          if (precompressedType.test(c.res.headers.get('Content-Type') ?? '') && !/accept-encoding/i.test(vary)) {
            c.header('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
          }
        },
      });
    }
    return files ? files(c, next) : next();
  };
}
