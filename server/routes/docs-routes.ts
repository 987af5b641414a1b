import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** The files served from swagger-ui-dist, by name: a Map, so `constructor` or `__proto__` is simply not there. */
const assets = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
]);

/** Starts Swagger UI from a file rather than an inline script, so the page's CSP allows scripts from the bridge only. */
const starter = "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api' });\n";

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>ERP Bridge API</title><link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/start-api-page.js"></script>
</body></html>`;

/** A browsable API page served from the installed swagger-ui-dist: no CDN, works offline. */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>) {
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/start-api-page.js', (c) => c.body(starter, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  app.get('/docs/:asset', async (c) => {
    const name = c.req.param('asset');
    const type = assets.get(name);
    if (!type) return c.json({ code: 'not_found', message: 'no such asset' }, 404);
    const body = await readFile(join(swaggerDir, name));
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
