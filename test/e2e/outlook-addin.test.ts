/**
 * The production taskpane in the Outlook host page of `npm start`, driven by Playwright with the
 * system's Chromium: a salesperson's journey in English and in Spanish, axe on every view in the
 * light and dark themes, and an ERP name that is markup. Screenshots go to test-results/e2e/<lang>/.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect } from 'vitest';
import { demoIds } from '../../dev/m365/identity/demo-directory';
import { demoItemIds, demoPeople } from '../../dev/outlook-host/page/demo-mailbox';
import type { HostLanguage } from '../../dev/outlook-host/page/host-strings';
import { en } from '../../src/i18n/locales/en';
import { es } from '../../src/i18n/locales/es';
import type { ErpAction } from '../../src/domain/erp-records';
import { completeTodoTask, createErpAction, createErpContact, findErpContacts, type GraphAccess, readErpAction, readGraphMailbox, revokeGraphConsent } from './support/demo-services';
import { describeProblems, type OutlookPage, openOutlookPage, translated, translatedPattern } from './support/outlook-page';
import { stepSequence } from './support/step-sequence';
import { type DemoWorld, useDemoStack } from './support/use-demo-stack';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const artifacts = join(root, 'test-results', 'e2e');

const accounts = {
  lucia: 'lucia.martinez@contosoiberica.onmicrosoft.com',
  inigo: 'inigo.urrutia@contosoiberica.onmicrosoft.com',
  amelie: 'amelie.dubois@fabrikamfrance.onmicrosoft.com',
};

const world = useDemoStack('the Outlook add-in end to end');

if (world) {
  // Each journey signs in as its own admin in its own environment, so neither sees the other's writes.
  // A journey's steps build on each other: they run in order even when a run shuffles tests.
  describe.sequential('a salesperson’s journey in English, Contoso (delegated sync)', { shuffle: false }, () => {
    salespersonJourney(world, { language: 'en', strings: en, account: accounts.lucia, environment: 'contoso', graphAccess: { kind: 'delegated', clientId: demoIds.bridgeClientId } });
  });

  describe.sequential('a salesperson’s journey in Spanish, Fabrikam (app-only sync)', { shuffle: false }, () => {
    salespersonJourney(world, {
      language: 'es',
      strings: es,
      account: accounts.amelie,
      environment: 'fabrikam',
      graphAccess: { kind: 'app-only', clientId: demoIds.fabrikamBridgeClientId, clientSecret: demoIds.fabrikamBridgeClientSecret },
    });
  });

  describe.sequential('an ERP contact whose name is markup', { shuffle: false }, () => {
    markupJourney(world);
  });

  // Last: it takes back the Graph consent the other journeys in Contoso rely on.
  describe.sequential('a user who has not consented turns sync on, Contoso (delegated sync)', { shuffle: false }, () => {
    consentJourney(world);
  });
}

type Strings = typeof en;

interface Journey {
  language: HostLanguage;
  strings: Strings;
  account: string;
  /** The bridge environment the account's tenant belongs to: sync tags its items `<environment>:<ERP id>`. */
  environment: string;
  /** How the user's own To Do client reaches Graph in this tenant, to tick a task off. */
  graphAccess: GraphAccess;
}

function salespersonJourney(world: DemoWorld, { language, strings: t, account, environment, graphAccess }: Journey) {
  let outlook: OutlookPage;
  const step = stepSequence((name) => outlook?.screenshot(`failed-${name.replace(/\W+/g, '-')}`) ?? Promise.resolve());
  const pane = () => outlook.pane;
  const created = { givenName: demoPeople.unknown.displayName.split(' ')[0] ?? '', email: demoPeople.unknown.emailAddress };
  let synced = 0;

  step(`opens the Outlook host page and the add-in speaks ${language}, Office’s display language`, async () => {
    outlook = await openOutlookPage(world.stack, world.browser, join(artifacts, language), process.env.SAVE_SCREENSHOTS === '1' ? join(root, 'docs', 'images', language) : undefined);
    await outlook.open(account, language);
    await expect.poll(() => pane().locator('h1').innerText()).toBe(t.app.title);
  }, 60_000);

  step('opens a message from an ERP contact and shows the sender card', async () => {
    await outlook.selectItem(demoItemIds.ana);
    const card = pane().getByRole('region', { name: translated(t.card.label, demoPeople.ana.displayName) });
    await expect.poll(() => card.innerText()).toContain('Núñez Logística S.L.');
    await expect.poll(() => card.innerText()).toContain(t.contact.recentActions);
    await outlook.capture('sender-card');
  });

  step('logs the email in the ERP', async () => {
    await pane().getByRole('button', { name: t.logEmail.log }).click();
    await pane().getByText(translatedPattern(t.logEmail.logged)).waitFor();
    await outlook.capture('email-logged');
  });

  step('still shows the email logged after a reload', async () => {
    await outlook.page.reload();
    await pane().getByText(translatedPattern(t.logEmail.logged)).waitFor();
    expect(await pane().getByRole('button', { name: t.logEmail.log }).count()).toBe(0);
    await outlook.capture('logged-after-reload');
  });

  step('offers to create a contact for a sender who is not in the ERP', async () => {
    await outlook.selectItem(demoItemIds.unknown);
    await pane().getByText(t.card.notInErp).waitFor();
    await outlook.capture('not-in-erp');
    await pane().getByRole('button', { name: t.card.createContact }).click();
    await expect.poll(() => pane().getByRole('textbox', { name: t.createContact.givenName }).inputValue()).toBe(created.givenName);
    expect(await pane().getByRole('textbox', { name: t.createContact.email }).inputValue()).toBe(created.email);
    await outlook.capture('create-contact');
  });

  step('creates the contact and shows its card', async () => {
    await pane().getByRole('button', { name: t.createContact.save }).click();
    await pane().getByText(t.contact.noActions).waitFor();
    expect(await pane().getByText(t.card.notInErp).count()).toBe(0);
    const [contact] = await findErpContacts(world.stack, account, created.email);
    expect(contact?.displayName).toBe(demoPeople.unknown.displayName);
    await outlook.capture('contact-created');
  });

  step('shows the people of a meeting and offers to log it', async () => {
    await outlook.selectItem(demoItemIds.meeting);
    await pane().getByRole('heading', { name: t.people.meetingHeading }).waitFor();
    await pane().getByRole('button', { name: t.logMeeting.log }).waitFor();
    await pane().getByText('Núñez Logística S.L.').first().waitFor();
    // The window is 900 px tall: the main button and Create action are in view once the cards have loaded.
    for (const name of [t.logMeeting.log, t.createAction.open]) {
      const box = await pane().getByRole('button', { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0), name).toBeLessThanOrEqual(outlook.page.viewportSize()?.height ?? 0);
    }
    await outlook.capture('appointment');
  });

  step('finds an ERP contact while writing a message and adds them to Cc', async () => {
    await outlook.selectItem(demoItemIds.draft);
    await pane().getByRole('heading', { name: t.compose.heading }).waitFor();
    await pane().getByRole('searchbox').fill('Ana García');
    await pane().getByRole('button', { name: translated(t.search.open, demoPeople.ana.displayName) }).click();
    await pane().getByRole('button', { name: t.compose.addCc }).click();
    await pane().getByText(t.compose.added).waitFor();
    await expect.poll(() => outlook.page.locator('main.reading').innerText()).toContain(demoPeople.ana.emailAddress);
    await outlook.capture('compose');
  });

  step('opens the settings', async () => {
    await pane().getByRole('button', { name: t.app.settings }).click();
    await pane().getByRole('switch', { name: t.settings.syncEnabled }).waitFor();
    await outlook.capture('settings');
  });

  step('turns sync on for the environment in the Admin view, with the App ID', async () => {
    await pane().getByRole('button', { name: t.settings.admin }).click();
    await pane().getByRole('heading', { name: t.admin.activationHeading }).waitFor();
    await pane().getByText(t.admin.notActivated).waitFor();
    await outlook.capture('admin');
    await pane().getByRole('textbox', { name: t.admin.appId }).fill(await outlook.taskpaneAppId());
    await pane().getByRole('button', { name: t.admin.activate }).click();
    await pane().getByText(t.admin.activated).waitFor();
  });

  step('grants admin consent through the Admin view’s link, signing in on the identity server’s page', async () => {
    const [consent] = await Promise.all([outlook.page.context().waitForEvent('page'), pane().getByRole('link', { name: t.admin.consentLink }).click()]);
    await consent.getByRole('heading', { name: 'Permissions requested' }).waitFor();
    await consent.getByRole('textbox', { name: 'Account' }).fill(account);
    await consent.getByLabel('Password').fill(demoIds.password);
    await consent.getByRole('button', { name: 'Accept' }).click();
    // Back on the bridge's taskpane page, in the browser's language (Chromium's is English here).
    await consent.getByText(en.adminConsent.grantedTitle).waitFor();
    expect(new URL(consent.url()).searchParams.get('admin_consent')).toBe('True');
    expect(await consent.getByText(/Open it inside Outlook/).count()).toBe(0);
    await consent.screenshot({ path: join(artifacts, language, 'admin-consent-granted.png') });
    await consent.close();
    await pane().getByRole('button', { name: t.app.back }).click();
  }, 60_000);

  step('turns sync on for me and creates the ERP folder', async () => {
    const toggle = pane().getByRole('switch', { name: t.settings.syncEnabled });
    await toggle.click();
    await pane().getByText(t.settings.saved).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await pane().getByRole('button', { name: translated(t.settings.createFolder, 'ERP') }).click();
    await expect.poll(() => pane().getByRole('combobox', { name: t.settings.folderLabel }).locator('option:checked').innerText()).toBe('ERP');
    await pane().getByRole('button', { name: t.sync.runNow }).waitFor();
    await outlook.capture('sync-on');
  });

  step('runs sync and shows its progress until it is done', async () => {
    await pane().getByRole('button', { name: t.sync.runNow }).click();
    const stages = Object.values(t.sync.stages);
    const count = translatedPattern(t.sync.progressCount);
    const progress = pane().getByRole('region', { name: t.sync.runHeading }).getByText(new RegExp(`^(${stages.join('|')})`));
    const seen: string[] = [];
    const done = new RegExp(`^${t.sync.stages.done} · ${count.source}$`);
    await expect
      .poll(
        async () => {
          const text = (await progress.first().innerText({ timeout: 1_000 }).catch(() => '')).trim();
          if (text && seen.at(-1) !== text) seen.push(text);
          return text;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toMatch(done);
    const [, total, of] = done.exec(seen.at(-1) ?? '') ?? [];
    synced = Number(total);
    expect(synced, `progress seen: ${seen.join(' → ')}`).toBeGreaterThan(0);
    expect(Number(of)).toBe(synced);
    expect(await pane().getByRole('progressbar', { name: t.sync.progressLabel }).getAttribute('aria-valuenow')).toBe('1');
    await outlook.capture('sync-done');
  }, 90_000);

  step('leaves the ERP contacts in the mailbox’s ERP folder, as Graph shows them', async () => {
    const mailbox = await readGraphMailbox(world.stack, account);
    const folder = mailbox.folders.find((candidate) => candidate.displayName === 'ERP');
    expect(folder, `folders: ${mailbox.folders.map((candidate) => candidate.displayName).join(', ')}`).toBeDefined();
    const inFolder = mailbox.contacts.filter((contact) => contact.parentFolderId === folder?.id);
    expect(inFolder).toHaveLength(synced);
    const addresses = (email: string) => inFolder.filter((contact) => contact.emailAddresses?.some((address) => address.address?.toLowerCase() === email));
    expect(addresses(demoPeople.ana.emailAddress).map((contact) => contact.displayName)).toEqual([demoPeople.ana.displayName]);
    expect(addresses(created.email).map((contact) => contact.displayName)).toEqual([demoPeople.unknown.displayName]);
  });

  step('runs the setup check in the Admin view: the synced mailbox, its folder and the ERP are in order', async () => {
    await pane().getByRole('button', { name: t.settings.admin }).click();
    const section = pane().getByRole('region', { name: t.admin.doctor.heading });
    await section.getByRole('button', { name: t.admin.doctor.run }).click();
    const line = (name: keyof typeof t.admin.doctor.checks) => section.getByText(`${t.admin.doctor.status.ok} · ${t.admin.doctor.checks[name]}`);
    for (const name of ['token-endpoint', 'client-secret', 'admin-consent', 'graph-permissions', 'mailbox-access', 'contact-folders', 'erp', 'clock'] as const) await line(name).waitFor();
    expect(await section.getByRole('listitem').count()).toBe(10);
    await outlook.capture('setup-check');
    await pane().getByRole('button', { name: t.app.back }).click();
  }, 60_000);

  actionSteps(world, { step, pane: () => pane(), outlook: () => outlook }, { language, strings: t, account, environment, graphAccess });

  step('found no serious or critical accessibility problem in any view, light or dark', async () => {
    expect(describeProblems(outlook.accessibilityProblems())).toBe('');
  });

  step('opened no dialog and raised no uncaught error', async () => {
    expect(outlook.incidents()).toEqual([]);
  });

  afterAll(async () => {
    await outlook?.page.close();
  });
}

interface JourneyDriver {
  step: ReturnType<typeof stepSequence>;
  pane: () => OutlookPage['pane'];
  outlook: () => OutlookPage;
}

/**
 * Actions in the journey: the salesperson's ERP visits land in the main calendar (category ERP, no
 * attendees) and the rest in the To Do list `ERP`; ticking a task off in To Do completes the action.
 */
function actionSteps(world: DemoWorld, { step, pane, outlook }: JourneyDriver, { strings: t, account, environment, graphAccess }: Journey) {
  const inFiveDays = new Date(Date.now() + 5 * 86_400_000);
  inFiveDays.setUTCHours(9, 0, 0, 0);
  let visit: ErpAction;
  let call: ErpAction;
  const counts = { events: 0, tasks: 0 };
  const runRegion = () => pane().getByRole('region', { name: t.sync.runHeading });
  const collectionLine = (name: 'events' | 'tasks') => runRegion().getByText(new RegExp(`^${translatedPattern(t.sync.collections[name]).source}$`));
  const countsOf = async (name: 'events' | 'tasks') => {
    const text = await collectionLine(name).innerText({ timeout: 1_000 }).catch(() => '');
    const [, outlookChanges, erpChanges] = new RegExp(`^${translatedPattern(t.sync.collections[name]).source}$`).exec(text.trim()) ?? [];
    return outlookChanges === undefined ? undefined : { outlook: Number(outlookChanges), erp: Number(erpChanges) };
  };
  const tag = (action: ErpAction) => `${environment}:${action.id}`;
  const ours = (value: string | null | undefined) => value?.startsWith(`${environment}:`) ?? false;

  step('the salesperson has a visit and a call of their own in the ERP', async () => {
    visit = await createErpAction(world.stack, account, {
      type: 'visit',
      subject: `Visita ${environment}`,
      start: inFiveDays.toISOString(),
      end: new Date(inFiveDays.getTime() + 3_600_000).toISOString(),
      timeZone: 'Europe/Madrid',
    });
    call = await createErpAction(world.stack, account, { type: 'call', subject: `Llamada ${environment}`, dueDate: inFiveDays.toISOString().slice(0, 10), timeZone: 'Europe/Madrid' });
    expect([visit.status, call.status]).toEqual(['planned', 'planned']);
  });

  step('turns actions on and syncs: the run result shows what changed in the calendar and in To Do', async () => {
    const toggle = pane().getByRole('switch', { name: t.settings.actionsEnabled });
    await toggle.click();
    await pane().getByRole('radio', { name: t.settings.primaryCalendar }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await pane().getByRole('button', { name: t.sync.runNow }).click();
    // A contacts-only run shows no calendar or To Do line: their appearing means this run finished.
    await expect.poll(() => countsOf('tasks'), { timeout: 150_000, interval: 250 }).toBeDefined();
    const events = await countsOf('events');
    const tasks = await countsOf('tasks');
    counts.events = events?.outlook ?? 0;
    counts.tasks = tasks?.outlook ?? 0;
    expect(counts.events).toBeGreaterThan(0);
    expect(counts.tasks).toBeGreaterThan(0);
    await outlook().capture('actions-synced');
  }, 180_000);

  step('puts the ERP visits in the main calendar, category ERP and no attendees, and the other actions in the To Do list ERP', async () => {
    const mailbox = await readGraphMailbox(world.stack, account);
    const events = mailbox.events.filter((event) => event.singleValueExtendedProperties?.some((property) => ours(property.value)));
    expect(events).toHaveLength(counts.events);
    for (const event of events) {
      expect(event.calendarId, event.subject ?? event.id).toBe(mailbox.primaryCalendarId);
      expect(event.categories, event.subject ?? event.id).toEqual(['ERP']);
      expect(event.attendees ?? [], event.subject ?? event.id).toEqual([]);
    }
    expect(events.filter((event) => event.singleValueExtendedProperties?.some((property) => property.value === tag(visit))).map((event) => event.subject)).toEqual([visit.subject]);

    const lists = mailbox.todoLists.filter((list) => list.displayName === 'ERP');
    expect(lists).toHaveLength(1);
    const tasks = mailbox.tasks.filter((task) => task.linkedResources?.some((resource) => ours(resource.externalId)));
    expect(tasks).toHaveLength(counts.tasks);
    expect(tasks.filter((task) => task.listId !== lists[0]?.id).map((task) => task.title)).toEqual([]);
    const tagged = (action: ErpAction) => tasks.filter((task) => task.linkedResources?.some((resource) => resource.externalId === tag(action)));
    expect(tagged(call).map((task) => [task.title, task.status])).toEqual([[call.subject, 'notStarted']]);
    expect(tagged(visit)).toEqual([]);
  });

  step('completing the call in To Do completes the action in the ERP at the next Sync now', async () => {
    const mailbox = await readGraphMailbox(world.stack, account);
    const task = mailbox.tasks.find((candidate) => candidate.linkedResources?.some((resource) => resource.externalId === tag(call)));
    if (!task) throw new Error(`no To Do task carries ${tag(call)}`);
    await completeTodoTask(world.stack, mailbox, task, graphAccess, demoIds.password);
    await pane().getByRole('button', { name: t.sync.runNow }).click();
    await expect.poll(() => countsOf('tasks'), { timeout: 90_000, interval: 250 }).toEqual({ outlook: 0, erp: 1 });
    expect(await countsOf('events')).toEqual({ outlook: 0, erp: 0 });
    expect((await readErpAction(world.stack, account, call.id)).status).toBe('done');
    expect((await readErpAction(world.stack, account, visit.id)).status).toBe('planned');
    await outlook().capture('task-completed');
  }, 120_000);
}

function markupJourney(world: DemoWorld) {
  const markup = demoPeople.markup.displayName;
  let outlook: OutlookPage;
  const step = stepSequence((name) => outlook?.screenshot(`failed-${name.replace(/\W+/g, '-')}`) ?? Promise.resolve());

  step('the ERP holds a contact named with markup, created through the bridge’s API', async () => {
    await createErpContact(world.stack, accounts.inigo, { givenName: markup, emails: [demoPeople.markup.emailAddress] });
    const contacts = await findErpContacts(world.stack, accounts.inigo, demoPeople.markup.emailAddress);
    // The demo ERP seeds one too, so the pane offers both.
    expect(contacts.map((contact) => contact.displayName)).toEqual([markup, markup]);
  });

  step('shows the name as text in the real browser: no element, no script', async () => {
    outlook = await openOutlookPage(world.stack, world.browser, join(artifacts, 'markup'));
    await outlook.open(accounts.inigo, 'en');
    await outlook.selectItem(demoItemIds.markup);
    const chooser = outlook.pane.getByRole('list', { name: translated(en.card.several, demoPeople.markup.emailAddress) });
    await expect.poll(() => chooser.getByRole('button').count()).toBe(2);
    await chooser.getByRole('button', { name: translated(en.card.choose, markup), exact: true }).click();
    const card = outlook.pane.getByRole('region', { name: translated(en.card.label, markup) });
    await card.getByText(markup, { exact: true }).first().waitFor();
    await outlook.screenshot('01-markup-name');

    expect(await outlook.pane.locator('img').count()).toBe(0);
    expect(await outlook.page.locator('img').count()).toBe(0);
    // With no element carrying a handler, no script can run later either: nothing to wait for.
    expect(await outlook.inlineEventHandlers()).toEqual([]);
    expect(outlook.incidents()).toEqual([]);
  });

  afterAll(async () => {
    await outlook?.page.close();
  });
}

function consentJourney(world: DemoWorld) {
  let outlook: OutlookPage;
  const step = stepSequence((name) => outlook?.screenshot(`failed-${name.replace(/\W+/g, '-')}`) ?? Promise.resolve());
  const pane = () => outlook.pane;
  const toggle = () => pane().getByRole('switch', { name: en.settings.syncEnabled });

  step('opens the settings as a user whose consent to Graph was taken back', async () => {
    expect(await revokeGraphConsent(world.stack, demoIds.contosoTenantId, demoIds.bridgeClientId)).toBeGreaterThan(0);
    outlook = await openOutlookPage(world.stack, world.browser, join(artifacts, 'consent'));
    await outlook.open(accounts.inigo, 'en');
    await pane().getByRole('button', { name: en.app.settings }).click();
    await toggle().waitFor();
  }, 60_000);

  step('turning sync on says consent is needed and offers one click', async () => {
    await toggle().click();
    await pane().getByText(en.settings.consent.needed).waitFor();
    expect(await toggle().isChecked()).toBe(false);
    await outlook.screenshot('01-consent-needed');
  });

  step('consents on the identity server’s page in the Office dialog, and sync is connected', async () => {
    const [dialog] = await Promise.all([outlook.page.context().waitForEvent('page'), pane().getByRole('button', { name: en.settings.consent.give }).click()]);
    await dialog.getByRole('heading', { name: 'Permissions requested' }).waitFor();
    expect(new URL(dialog.url()).searchParams.get('prompt')).toBe('consent');
    await dialog.getByRole('textbox', { name: 'Account' }).fill(accounts.inigo);
    await dialog.getByLabel('Password').fill(demoIds.password);
    await Promise.all([dialog.waitForEvent('close'), dialog.getByRole('button', { name: 'Accept' }).click()]);
    await pane().getByText(en.settings.saved).waitFor();
    expect(await toggle().isChecked()).toBe(true);
    expect(await pane().getByText(en.settings.consent.needed).count()).toBe(0);
    await outlook.screenshot('02-consented-sync-on');
    expect(outlook.incidents()).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await outlook?.page.close();
  });
}
