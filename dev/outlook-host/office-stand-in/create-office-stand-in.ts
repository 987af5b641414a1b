import type { AppointmentSnapshot, DraftSnapshot, HostCall, HostCallError, HostContext, HostToAddin, ItemSnapshot, MailAddress, MessageSnapshot } from '../host-protocol';
import { hostChannel } from '../host-protocol';
import type { HostPort } from './host-port';
import type { openDialogWindow } from './open-dialog-window';
import { asyncResultStatus, coercionType, eventType, mailboxEnums, officeErrors } from './office-values';

/** `Office.AsyncResult`: on failure `error` carries Office's number. */
export interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T | undefined;
  error: HostCallError | undefined;
  asyncContext: unknown;
}

export type AsyncCallback<T> = (result: AsyncResult<T>) => void;
type AsyncOptions = { asyncContext?: unknown };
type OpenDialog = ReturnType<typeof openDialogWindow>;
type DialogOptions = NonNullable<Parameters<OpenDialog>[1]>;
type DialogCallback = NonNullable<Parameters<OpenDialog>[2]>;
type Handler = (event: { type: string; officeTheme?: HostContext['officeTheme'] }) => void;

/**
 * The part of Office.js (Outlook, Mailbox 1.14) the add-in uses, answered from the host page:
 * the selected item, ItemChanged, the theme, roaming settings, categories, `getAccessToken`, and
 * dialogs when given a way to open them (`openDialogWindow` in the browser).
 * Everything the host knows arrives with `init`; what it must do goes back as calls.
 */
export function createOfficeStandIn(port: HostPort, schedule: (task: () => void) => void = (task) => setTimeout(task, 0), openDialog?: OpenDialog) {
  let context: HostContext | undefined;
  let nextCallId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: HostCallError) => void }>();
  const handlers = new Map<string, Handler[]>();
  const readyWaiters: (() => void)[] = [];
  let item: ReturnType<typeof itemFor> | null = null;

  /** Answers with the host's value, unchecked: each caller narrows it. */
  function call(request: HostCall): Promise<unknown> {
    const id = nextCallId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.send({ channel: hostChannel, kind: 'call', id, call: request });
    });
  }

  function complete<T>(callback: AsyncCallback<T> | undefined, options: AsyncOptions | undefined, work: Promise<T>) {
    work.then(
      (value) => schedule(() => callback?.({ status: asyncResultStatus.Succeeded, value, error: undefined, asyncContext: options?.asyncContext })),
      (error: HostCallError) => schedule(() => callback?.({ status: asyncResultStatus.Failed, value: undefined, error, asyncContext: options?.asyncContext })),
    );
  }

  function fire(type: string, event: Parameters<Handler>[0]) {
    for (const handler of handlers.get(type) ?? []) schedule(() => handler(event));
  }

  function itemFor(snapshot: ItemSnapshot) {
    if (snapshot.itemType === 'draft') return draftFor(snapshot);
    return readItemFor(snapshot);
  }

  /**
   * A message in compose form: as in Office.js, its fields are objects read and changed with
   * async calls (a read item has plain values), and it has no item id until it is saved.
   */
  function draftFor(snapshot: DraftSnapshot) {
    let draft = { ...snapshot, to: [...snapshot.to], cc: [...snapshot.cc] };
    const line = (field: 'to' | 'cc') => ({
      getAsync(optionsOrCallback?: AsyncOptions | AsyncCallback<ReturnType<typeof addressDetails>[]>, maybeCallback?: AsyncCallback<ReturnType<typeof addressDetails>[]>) {
        const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
        complete(callback, options, Promise.resolve(draft[field].map(addressDetails)));
      },
      addAsync(recipients: (string | { emailAddress: string; displayName?: string })[], optionsOrCallback?: AsyncOptions | AsyncCallback<void>, maybeCallback?: AsyncCallback<void>) {
        const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
        const people = recipients.map((recipient) =>
          typeof recipient === 'string' ? { emailAddress: recipient, displayName: recipient } : { emailAddress: recipient.emailAddress, displayName: recipient.displayName ?? recipient.emailAddress },
        );
        const added = call({ method: 'addRecipients', params: { itemId: snapshot.itemId, field, recipients: people } }).then((saved) => {
          draft = { ...draft, [field]: isAddressArray(saved) ? saved : [...draft[field], ...people] };
        });
        complete(callback, options, added);
      },
    });
    return {
      itemType: mailboxEnums.ItemType.Message,
      subject: {
        getAsync(optionsOrCallback?: AsyncOptions | AsyncCallback<string>, maybeCallback?: AsyncCallback<string>) {
          const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
          complete(callback, options, Promise.resolve(draft.subject));
        },
      },
      to: line('to'),
      cc: line('cc'),
      body: {
        getAsync(coercion: string, optionsOrCallback?: AsyncOptions | AsyncCallback<string>, maybeCallback?: AsyncCallback<string>) {
          const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
          complete(callback, options, Promise.resolve(coercion === coercionType.Html ? textToHtml(draft.body) : draft.body));
        },
        setSelectedDataAsync(text: string, optionsOrCallback?: (AsyncOptions & { coercionType?: string }) | AsyncCallback<void>, maybeCallback?: AsyncCallback<void>) {
          const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
          const inserted = call({ method: 'insertText', params: { itemId: snapshot.itemId, text } }).then((body) => {
            draft = { ...draft, body: typeof body === 'string' ? body : `${draft.body}${text}` };
          });
          complete(callback, options, inserted);
        },
      },
      attachments: [],
    };
  }

  function readItemFor(snapshot: MessageSnapshot | AppointmentSnapshot) {
    let categories = [...snapshot.categories];
    const body = {
      getAsync(coercion: string, optionsOrCallback?: AsyncOptions | AsyncCallback<string>, maybeCallback?: AsyncCallback<string>) {
        const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
        complete(callback, options, Promise.resolve(coercion === coercionType.Html ? textToHtml(snapshot.body) : snapshot.body));
      },
    };
    const setCategories = (next: string[]) =>
      call({ method: 'setCategories', params: { itemId: snapshot.itemId, categories: next } }).then((saved) => {
        categories = isStringArray(saved) ? saved : next;
      });
    const itemCategories = {
      getAsync(optionsOrCallback?: AsyncOptions | AsyncCallback<{ displayName: string; color: string }[]>, maybeCallback?: AsyncCallback<{ displayName: string; color: string }[]>) {
        const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
        complete(callback, options, Promise.resolve(categories.map(categoryDetails)));
      },
      addAsync(names: string[], optionsOrCallback?: AsyncOptions | AsyncCallback<void>, maybeCallback?: AsyncCallback<void>) {
        const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
        complete(callback, options, setCategories([...new Set([...categories, ...names])]).then(() => undefined));
      },
      removeAsync(names: string[], optionsOrCallback?: AsyncOptions | AsyncCallback<void>, maybeCallback?: AsyncCallback<void>) {
        const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
        complete(callback, options, setCategories(categories.filter((name) => !names.includes(name))).then(() => undefined));
      },
    };
    const common = {
      itemId: snapshot.itemId,
      subject: snapshot.subject,
      normalizedSubject: snapshot.subject.replace(/^((re|fw|fwd|rv|tr):\s*)+/i, ''),
      dateTimeCreated: new Date(snapshot.dateTimeCreated),
      dateTimeModified: new Date(snapshot.dateTimeCreated),
      attachments: [],
      body,
      categories: itemCategories,
    };
    if (snapshot.itemType === 'message') {
      return {
        ...common,
        itemType: mailboxEnums.ItemType.Message,
        from: addressDetails(snapshot.from),
        sender: addressDetails(snapshot.from),
        to: snapshot.to.map(addressDetails),
        cc: snapshot.cc.map(addressDetails),
        internetMessageId: snapshot.internetMessageId,
      };
    }
    return {
      ...common,
      itemType: mailboxEnums.ItemType.Appointment,
      organizer: addressDetails(snapshot.organizer),
      requiredAttendees: snapshot.requiredAttendees.map(addressDetails),
      optionalAttendees: snapshot.optionalAttendees.map(addressDetails),
      start: new Date(snapshot.start),
      end: new Date(snapshot.end),
      location: snapshot.location,
    };
  }

  function current(): HostContext {
    if (!context) throw new Error('Office.js is not ready yet: wait for Office.onReady()');
    return context;
  }

  port.listen((message: HostToAddin) => {
    switch (message.kind) {
      case 'init': {
        context = message.context;
        item = message.context.item ? itemFor(message.context.item) : null;
        for (const waiter of readyWaiters.splice(0)) waiter();
        return;
      }
      case 'itemChanged':
        item = message.item ? itemFor(message.item) : null;
        fire(eventType.ItemChanged, { type: eventType.ItemChanged });
        return;
      case 'themeChanged':
        if (context) context = { ...context, officeTheme: message.officeTheme };
        fire(eventType.OfficeThemeChanged, { type: eventType.OfficeThemeChanged, officeTheme: message.officeTheme });
        return;
      case 'reply': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.outcome.status === 'succeeded') waiting?.resolve(message.outcome.value);
        else waiting?.reject(message.outcome.error);
        return;
      }
    }
  });

  const office = {
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Outlook', platform: 'OfficeOnline' };
      return new Promise<{ host: string; platform: string }>((resolve) => {
        const done = () => {
          callback?.(info);
          resolve(info);
        };
        if (context) done();
        else readyWaiters.push(done);
      });
    },
    context: {
      get displayLanguage() {
        return current().displayLanguage;
      },
      get officeTheme() {
        return current().officeTheme;
      },
      requirements: {
        isSetSupported(name: string, version = '1.1') {
          const supported = context?.requirementSets[name];
          return supported !== undefined && compareVersions(supported, version) >= 0;
        },
      },
      roamingSettings: {
        get: (name: string): unknown => current().roamingSettings[name],
        set: (name: string, value: unknown) => {
          current().roamingSettings[name] = value;
        },
        remove: (name: string) => {
          delete current().roamingSettings[name];
        },
        saveAsync(optionsOrCallback?: AsyncOptions | AsyncCallback<void>, maybeCallback?: AsyncCallback<void>) {
          const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
          complete(callback, options, call({ method: 'saveSettings', params: { settings: { ...current().roamingSettings } } }).then(() => undefined));
        },
      },
      mailbox: {
        get item() {
          return item;
        },
        get userProfile() {
          return { ...current().userProfile, accountType: 'enterprise' };
        },
        diagnostics: { hostName: 'Outlook', hostVersion: '16.0 (local stand-in)', OWAView: 'ThreeColumns' },
        masterCategories: {
          getAsync(optionsOrCallback?: AsyncOptions | AsyncCallback<{ displayName: string; color: string }[]>, maybeCallback?: AsyncCallback<{ displayName: string; color: string }[]>) {
            const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
            complete(callback, options, Promise.resolve(['ERP', 'Important'].map(categoryDetails)));
          },
        },
        addHandlerAsync(type: string, handler: Handler, optionsOrCallback?: AsyncOptions | AsyncCallback<void>, maybeCallback?: AsyncCallback<void>) {
          const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
          handlers.set(type, [...(handlers.get(type) ?? []), handler]);
          complete(callback, options, Promise.resolve(undefined));
        },
        removeHandlerAsync(type: string, optionsOrCallback?: AsyncOptions | AsyncCallback<void>, maybeCallback?: AsyncCallback<void>) {
          const [options, callback] = splitArguments(optionsOrCallback, maybeCallback);
          handlers.delete(type);
          complete(callback, options, Promise.resolve(undefined));
        },
      },
      ui: {
        displayDialogAsync(url: string, optionsOrCallback?: DialogOptions | DialogCallback, maybeCallback?: DialogCallback) {
          const [options, callback] = typeof optionsOrCallback === 'function' ? [undefined, optionsOrCallback] : [optionsOrCallback, maybeCallback];
          if (!openDialog) complete(callback as AsyncCallback<void> | undefined, options, Promise.reject(officeErrors.dialogUnavailable));
          else openDialog(url, options, callback);
        },
        messageParent() {
          throw new Error('messageParent works only in a dialog window');
        },
      },
    },
    auth: {
      /** Legacy Office SSO: the host signs its user in to the bridge's app and answers with the access token. */
      getAccessToken: async (): Promise<string> => {
        const token = await call({ method: 'getAccessToken', params: {} });
        if (typeof token !== 'string') throw officeErrors.internal;
        return token;
      },
      getAuthContext: () => Promise.reject(officeErrors.noNestedAppAuth),
    },
    EventType: eventType,
    CoercionType: coercionType,
    AsyncResultStatus: asyncResultStatus,
    MailboxEnums: mailboxEnums,
  };
  return office;
}

export type OfficeStandIn = ReturnType<typeof createOfficeStandIn>;

function splitArguments<T>(optionsOrCallback: AsyncOptions | AsyncCallback<T> | undefined, maybeCallback: AsyncCallback<T> | undefined): [AsyncOptions | undefined, AsyncCallback<T> | undefined] {
  return typeof optionsOrCallback === 'function' ? [undefined, optionsOrCallback] : [optionsOrCallback, maybeCallback];
}

function addressDetails(address: MailAddress) {
  const external = !address.emailAddress.endsWith('.onmicrosoft.com');
  return {
    emailAddress: address.emailAddress,
    displayName: address.displayName,
    recipientType: external ? mailboxEnums.RecipientType.ExternalUser : mailboxEnums.RecipientType.User,
    appointmentResponse: mailboxEnums.ResponseType.None,
  };
}

function categoryDetails(displayName: string) {
  return { displayName, color: displayName === 'ERP' ? mailboxEnums.CategoryColor.Preset4 : mailboxEnums.CategoryColor.Preset0 };
}

function isAddressArray(value: unknown): value is MailAddress[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && typeof entry.emailAddress === 'string' && typeof entry.displayName === 'string');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** Numeric comparison of dotted versions: 1.14 is above 1.8. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('');
}
