/**
 * Taskpane entry point. The React app arrives with the add-in work; until then the pane says
 * what it is, so a sideloaded manifest shows something truthful.
 */
const root = document.getElementById('root');
if (root) root.textContent = 'ERP Bridge for Outlook';
