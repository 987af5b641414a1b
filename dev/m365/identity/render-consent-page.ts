import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export interface ConsentPage {
  title: string;
  /** The app asking, as Entra names it on its consent screen. */
  appName: string;
  /** Where the form posts to. */
  action: string;
  /** Request parameters carried from the GET to the POST. */
  hidden: Record<string, string>;
  permissions: { resource: string; permission: string; kind: 'delegated' | 'application' }[];
  /** Admin consent grants for every user of the tenant; the page says so. */
  forOrganization: boolean;
  error?: string;
}

/**
 * The stand-in's sign-in and consent screen: who asks, for what, the account to sign in with,
 * and Accept or Cancel. There is no session, so every consent signs in again.
 */
export function renderConsentPage(page: ConsentPage): Promise<HtmlEscapedString> | HtmlEscapedString {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${page.title}</title>
    <style>
      body { font-family: 'Segoe UI', system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
      label { display: block; margin-top: 0.75rem; }
      input { display: block; width: 100%; padding: 0.4rem; box-sizing: border-box; }
      .actions { margin-top: 1.5rem; display: flex; gap: 0.5rem; }
      .error { color: #a80000; }
    </style>
  </head>
  <body>
    <main>
      <h1>${page.title}</h1>
      <p><strong>${page.appName}</strong> ${page.forOrganization ? 'asks for these permissions for every user in your organization:' : 'asks for these permissions:'}</p>
      <ul>
        ${page.permissions.map(
          (item) => html`<li>${item.permission} (${item.resource}${item.kind === 'application' ? ', without a signed-in user' : ''})</li>`,
        )}
      </ul>
      ${page.error ? html`<p role="alert" class="error">${page.error}</p>` : ''}
      <form method="post" action="${page.action}">
        ${Object.entries(page.hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
        <label>Account <input name="username" type="email" autocomplete="username" required /></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
        <div class="actions">
          <button type="submit" name="decision" value="accept">Accept</button>
          <button type="submit" name="decision" value="decline" formnovalidate>Cancel</button>
        </div>
      </form>
    </main>
  </body>
</html>`;
}
