/// <reference types="office-js" />

/** Resolves once Office.js has initialised the page (taskpane or dialog). */
export async function whenOfficeReady(): Promise<void> {
  await Office.onReady();
}

/** From the sign-in dialog: hands a message to the taskpane that opened it. */
export function sendToDialogParent(message: string): void {
  Office.context.ui.messageParent(message);
}
