/**
 * The Office.js stand-in, loaded by the production taskpane in place of Microsoft's CDN script
 * (webpack's OFFICE_JS_URL). It defines the `Office` global synchronously, as office.js does,
 * and says hello to the host page, which answers with the mailbox state.
 */
import { readAdminConsentResult } from '../../../src/taskpane/AdminConsentResult/read-admin-consent-result';
import { hostChannel } from '../host-protocol';
import { createDialogPageOffice } from './create-dialog-page-office';
import { createOfficeStandIn } from './create-office-stand-in';
import { openDialogWindow } from './open-dialog-window';
import { connectToParentWindow } from './host-port';

// A page opened by displayDialogAsync: a top-level window with the pane as its opener.
const inDialog = window.parent === window && window.opener !== null;
const port = connectToParentWindow(window);
const schedule = (task: () => void) => void setTimeout(task, 0);
Object.assign(window, { Office: inDialog ? createDialogPageOffice(window) : createOfficeStandIn(port, schedule, openDialogWindow(window, schedule)) });

if (inDialog) {
  // Nothing to say: the page runs as a dialog of the add-in.
} else if (window.parent !== window) {
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
