/** Taskpane entry point: Office.js first, then React; or, back from Entra's admin consent, its outcome. */
import { whenOfficeReady } from '../office/when-office-ready';
import { readAdminConsentResult } from './AdminConsentResult/read-admin-consent-result';
import { startTaskpane } from './start-taskpane';

const adminConsent = readAdminConsentResult(new URL(window.location.href));
if (adminConsent) void import(/* webpackChunkName: "admin-consent" */ './start-admin-consent-result').then(({ startAdminConsentResult }) => startAdminConsentResult(adminConsent));
else void whenOfficeReady().then(startTaskpane);
