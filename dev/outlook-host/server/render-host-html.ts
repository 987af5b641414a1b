import type { HostPageConfig } from '../host-page-config';
import { hostPageStyles } from './host-page-styles';

/** Text for an HTML document: the five characters that could open markup are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON inside a <script> element: `<` is escaped, so no string can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en" data-theme="light">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>${hostPageStyles}</style>
    ${head}
  </head>
  <body>${body}</body>
</html>`;
}

/** The mailbox page: its script builds everything from the configuration below. */
export function renderHostHtml(config: HostPageConfig): string {
  return page(
    'Outlook (local demo)',
    `<script type="application/json" id="host-config">${scriptJson(config)}</script>
    <script defer src="/host.js"></script>`,
    '',
  );
}

/** Shown while `npm start` builds the add-in: it checks again every two seconds by itself. */
export function renderBuildingHtml(progress: string): string {
  return page(
    'Outlook (local demo): building the add-in',
    '<meta http-equiv="refresh" content="2" />',
    `<main class="status"><h1>Building the ERP Bridge add-in…</h1><p>${escapeHtml(progress)}</p><p>This page opens the mailbox by itself when the build is done.</p></main>`,
  );
}

export function renderBuildFailedHtml(message: string): string {
  return page(
    'Outlook (local demo): the add-in did not build',
    '',
    `<main class="status"><h1>The add-in did not build</h1><p>Fix the error below and start again (npm start).</p><pre>${escapeHtml(message)}</pre></main>`,
  );
}
