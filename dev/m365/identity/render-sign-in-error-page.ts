import { html } from 'hono/html';

/** Entra's page for a request it will not redirect anywhere (unknown app, unregistered redirect URI). */
export function renderSignInErrorPage(message: string) {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Sorry, but we’re having trouble signing you in.</title></head>
  <body><main><h1>Sorry, but we’re having trouble signing you in.</h1><p role="alert">${message}</p></main></body>
</html>`;
}
