import { describe, expect, it } from 'vitest';
import { type AddinToHost, hostChannel, type HostContext, type HostToAddin } from '../../../dev/outlook-host/host-protocol';
import type { HostPort } from '../../../dev/outlook-host/office-stand-in/host-port';
import { createOfficeStandIn } from '../../../dev/outlook-host/office-stand-in/create-office-stand-in';

const jose = { emailAddress: 'jose.nunez@nunez-logistica.es', displayName: 'José Núñez' };
const ana = { emailAddress: 'ana.garcia@example.es', displayName: 'Ana García' };

/** A host that answers every call as the host page would for a draft. */
function standInWithDraft() {
  const sent: AddinToHost[] = [];
  let deliver: (message: HostToAddin) => void = () => undefined;
  const port: HostPort = {
    send: (message) => {
      sent.push(message);
      if (message.kind !== 'call') return;
      const { call } = message;
      const value = call.method === 'addRecipients' ? [jose, ...call.params.recipients] : call.method === 'insertText' ? `Hola José:\n\n${call.params.text}` : null;
      queueMicrotask(() => deliver({ channel: hostChannel, kind: 'reply', id: message.id, outcome: { status: 'succeeded', value } }));
    },
    listen: (listener) => (deliver = listener),
  };
  const office = createOfficeStandIn(port, (task) => task());
  const context: HostContext = {
    displayLanguage: 'es-ES',
    userProfile: { emailAddress: 'lucia@contoso.example', displayName: 'Lucía', timeZone: 'Europe/Madrid' },
    officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424', controlBackgroundColor: '#f5f5f5', controlForegroundColor: '#242424' },
    item: { itemType: 'draft', itemId: 'draft-1', subject: 'Oferta', to: [jose], cc: [], dateTimeCreated: '2026-03-02T09:00:00.000Z', body: 'Hola José:\n\n', categories: [] },
    roamingSettings: {},
    requirementSets: { Mailbox: '1.14' },
  };
  deliver({ channel: hostChannel, kind: 'init', context });
  return { office, sent };
}

/** Calls an Office-style async method and resolves with its value, or rejects with its error. */
function officeCall<T>(start: (callback: (result: { status: string; value: T | undefined; error: unknown }) => void) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => start((result) => (result.status === 'succeeded' ? resolve(result.value) : reject(result.error))));
}

describe('a draft in the Office.js stand-in', () => {
  it('is a message in compose form: fields are read with async calls and there is no item id', async () => {
    const { office } = standInWithDraft();
    const item = office.context.mailbox.item;
    if (!item || !('setSelectedDataAsync' in item.body)) throw new Error('expected a draft');
    expect(item.itemType).toBe('message');
    expect('itemId' in item).toBe(false);
    expect(typeof item.subject).toBe('object');
    if (typeof item.subject !== 'object' || !('to' in item) || !('getAsync' in item.to)) throw new Error('expected compose fields');
    const { subject, to } = item;
    expect(await officeCall<string>((done) => subject.getAsync(done))).toBe('Oferta');
    expect((await officeCall<{ emailAddress: string }[]>((done) => to.getAsync(done)))?.map((person) => person.emailAddress)).toEqual([jose.emailAddress]);
  });

  it('asks the host to add recipients and to insert text, and reads back what the host kept', async () => {
    const { office, sent } = standInWithDraft();
    const item = office.context.mailbox.item;
    if (!item || !('cc' in item) || !('addAsync' in item.cc) || !('setSelectedDataAsync' in item.body)) throw new Error('expected a draft');
    const { cc, body } = item;
    await officeCall<void>((done) => cc.addAsync([{ emailAddress: ana.emailAddress, displayName: ana.displayName }], done));
    await officeCall<void>((done) => body.setSelectedDataAsync('Ana García, Núñez Logística', { coercionType: 'text' }, done));

    expect(sent.flatMap((message) => (message.kind === 'call' ? [message.call] : []))).toEqual([
      { method: 'addRecipients', params: { itemId: 'draft-1', field: 'cc', recipients: [ana] } },
      { method: 'insertText', params: { itemId: 'draft-1', text: 'Ana García, Núñez Logística' } },
    ]);
    expect(await officeCall<string>((done) => body.getAsync('text', done))).toBe('Hola José:\n\nAna García, Núñez Logística');
  });
});
