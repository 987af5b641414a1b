/**
 * The Office.js stand-in, loaded by the production taskpane in place of Microsoft's CDN script
 * (webpack's OFFICE_JS_URL). It defines the `Office` global synchronously, as office.js does,
 * and says hello to the host page, which answers with the mailbox state.
 */
import { readAdminConsentResult } from '../../../src/taskpane/AdminConsentResult/read-admin-consent-result';
import { hostChannel } from '../host-protocol';
import { createOfficeStandIn } from './create-office-stand-in';
import { connectToParentWindow } from './host-port';

const port = connectToParentWindow(window);
Object.assign(window, { Office: createOfficeStandIn(port) });

if (window.parent !== window) {
  port.send({ channel: hostChannel, kind: 'hello' });
} else if (!readAdminConsentResult(new URL(window.location.href))) {
  // Opened on its own: there is no Outlook to answer, so say where the add-in runs (unless Entra
  // sent an admin back from admin consent: the page then shows that outcome).
  document.addEventListener('DOMContentLoaded', () => {
    const note = document.createElement('p');
    note.textContent = 'This is the ERP Bridge add-in. Open it inside Outlook, or in the local Outlook host page that npm start prints.';
    document.body.prepend(note);
  });
}
