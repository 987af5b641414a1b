/**
 * Taskpane entry point: Office.js first, then React; or, back from Entra's admin consent, its
 * outcome; or, in the consent dialog the pane opened, the way to Entra and back to the pane.
 */
import { serializeConsentMessage } from '../auth/consent/consent-message';
import { readUserConsentPage } from '../auth/consent/read-user-consent-page';
import { sendToDialogParent, whenOfficeReady } from '../office/when-office-ready';
import { readAdminConsentResult } from './AdminConsentResult/read-admin-consent-result';
import { startTaskpane } from './start-taskpane';

const page = new URL(window.location.href);
const userConsent = readUserConsentPage(page);
const adminConsent = readAdminConsentResult(page);
if (userConsent?.kind === 'start') window.location.replace(userConsent.authorizeUrl);
else if (userConsent) void whenOfficeReady().then(() => sendToDialogParent(serializeConsentMessage(userConsent.message)));
else if (adminConsent) void import(/* webpackChunkName: "admin-consent" */ './start-admin-consent-result').then(({ startAdminConsentResult }) => startAdminConsentResult(adminConsent));
else void whenOfficeReady().then(startTaskpane);
