import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { DemoStack } from '../../../dev/outlook-host/automation/start-demo-stack';
import type { LaunchedChromium } from '../../../dev/outlook-host/automation/launch-chromium';
import type { HostLanguage } from '../../../dev/outlook-host/page/host-strings';

export type Theme = 'light' | 'dark';

/** axe's rules whose outcome depends on colours. */
const colourRules = ['color-contrast', 'link-in-text-block'];

/** What axe found that matters: serious and critical violations only, one line each. */
export interface AccessibilityProblem {
  view: string;
  theme: Theme;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface OutlookPage {
  page: Page;
  /** The add-in's pane (its iframe). */
  pane: FrameLocator;
  /** Opens the host page as `account`, then picks the display language in the host's own control. */
  open(account: string, language: HostLanguage): Promise<void>;
  /** Clicks an item in the mailbox column, as a user would. */
  selectItem(itemId: string): Promise<void>;
  setTheme(theme: Theme): Promise<void>;
  /** The appId the host opened the taskpane with: the App ID an admin copies from Entra ID. */
  taskpaneAppId(): Promise<string>;
  /**
   * Screenshots the page in the light and the dark theme (`NN-name.png`, `NN-name.dark.png`)
   * and runs axe on the whole page in both; what axe finds is kept for `accessibilityProblems`.
   */
  capture(name: string): Promise<void>;
  accessibilityProblems(): AccessibilityProblem[];
  /** Dialogs that opened and errors nobody caught, in the host page or the add-in. */
  incidents(): string[];
  /** Elements of the host page or the add-in carrying an inline event handler (`onerror=…`), as `tag[attribute]`. */
  inlineEventHandlers(): Promise<string[]>;
  screenshot(name: string): Promise<void>;
}

/** Views whose screenshots the guides show (docs/images/<language>/<view>.png). */
const guideViews: ReadonlySet<string> = new Set(['sender-card', 'create-contact', 'email-logged', 'compose', 'sync-done', 'admin', 'setup-check']);

/**
 * The Outlook host page in a new tab, with screenshots going to `artifactsDir`; with `guideImagesDir`
 * (`SAVE_SCREENSHOTS=1`), the light screenshot of each view the guides show is also saved there.
 */
export async function openOutlookPage(stack: DemoStack, browser: LaunchedChromium, artifactsDir: string, guideImagesDir?: string): Promise<OutlookPage> {
  mkdirSync(artifactsDir, { recursive: true });
  if (guideImagesDir) mkdirSync(guideImagesDir, { recursive: true });
  const page = await browser.context.newPage();
  // Below the step's own timeout, so a wait that runs out names its locator.
  page.setDefaultTimeout(20_000);
  const pane = page.frameLocator('iframe.addin-frame');
  const incidents: string[] = [];
  const problems: AccessibilityProblem[] = [];
  let shots = 0;
  page.on('dialog', (dialog) => {
    incidents.push(`a ${dialog.type()} dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`uncaught in ${page.url()}: ${error.message}`));

  const taskpaneFrame = (): Frame => {
    const frame = page.frames().find((candidate) => candidate.url().includes('/taskpane.html'));
    if (!frame) throw new Error('the add-in frame has not loaded taskpane.html');
    return frame;
  };

  const setTheme = async (theme: Theme) => {
    const toggle = page.locator('#theme');
    if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark')) await toggle.click();
    // The pane follows Office's theme change event; its background tells when it has.
    await taskpaneFrame().waitForFunction((dark) => {
      const provider = document.querySelector('.fui-FluentProvider');
      const match = provider ? /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(provider).backgroundColor) : null;
      if (!match) return false;
      const brightness = Number(match[1]) + Number(match[2]) + Number(match[3]);
      return dark ? brightness < 300 : brightness > 600;
    }, theme === 'dark');
  };

  // Fluent's transitions are short but real: screenshots and colour checks wait until every finite
  // animation of the host page and the pane has finished (a spinner's endless one never does).
  const settle = async () => {
    for (const frame of page.frames()) {
      await frame.waitForFunction(() =>
        document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
      );
    }
  };

  const screenshot = async (name: string) => {
    await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  };

  // A theme changes colours only: the dark pass runs the rules about colour, the light pass every rule.
  const audit = async (view: string, theme: Theme) => {
    const axe = new AxeBuilder({ page });
    const results = await (theme === 'dark' ? axe.withRules(colourRules) : axe).analyze();
    for (const violation of results.violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      problems.push({ view, theme, rule: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) });
    }
  };

  return {
    page,
    pane,
    async open(account, language) {
      const url = new URL(stack.hostUrl);
      url.searchParams.set('account', account);
      await page.goto(url.href);
      await pane.locator('main').waitFor();
      if (language !== 'en') await page.locator('#language').selectOption(language);
      await pane.locator(`html[lang="${language}"] main`).waitFor();
    },
    async selectItem(itemId) {
      await page.locator(`#item-${itemId}`).click();
    },
    setTheme,
    async taskpaneAppId() {
      const source = await page.locator('iframe.addin-frame').getAttribute('src');
      const appId = source ? new URL(source).searchParams.get('appId') : null;
      if (!appId) throw new Error(`the add-in frame was opened without an appId: ${source}`);
      return appId;
    },
    async capture(name) {
      const numbered = `${String(++shots).padStart(2, '0')}-${name}`;
      await settle();
      await screenshot(numbered);
      if (guideImagesDir && guideViews.has(name)) await page.screenshot({ path: join(guideImagesDir, `${name}.png`) });
      await audit(name, 'light');
      await setTheme('dark');
      await settle();
      await screenshot(`${numbered}.dark`);
      await audit(name, 'dark');
      await setTheme('light');
    },
    accessibilityProblems: () => [...problems],
    incidents: () => [...incidents],
    async inlineEventHandlers() {
      const found: string[] = [];
      for (const frame of page.frames()) {
        found.push(...(await frame.evaluate(() =>
          [...document.querySelectorAll('*')].flatMap((element) =>
            element.getAttributeNames().filter((name) => name.startsWith('on')).map((name) => `${element.localName}[${name}]`),
          ),
        )));
      }
      return found;
    },
    screenshot,
  };
}

/** One readable line per problem, for an assertion message. */
export function describeProblems(problems: AccessibilityProblem[]): string {
  return problems.map((problem) => `${problem.view} (${problem.theme}): ${problem.rule} [${problem.impact}] ${problem.help} at ${problem.targets.join(', ')}`).join('\n');
}

/** A translated string with `{{placeholders}}` as a pattern that matches any value in their place. */
export function translatedPattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('(.+?)'));
}

/** A translated string with its one `{{placeholder}}` filled in, as the add-in shows it. */
export function translated(template: string, value: string): string {
  return template.replace(/\{\{\w+\}\}/, value);
}
