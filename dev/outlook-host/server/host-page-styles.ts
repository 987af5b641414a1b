/** The host page's look: Outlook on the web's three columns, light and dark (`data-theme` on <html>). */
export const hostPageStyles = `
:root {
  color-scheme: light;
  --background: #ffffff; --foreground: #242424; --muted: #5c5c5c; --rail: #f5f5f5; --border: #d1d1d1;
  --selected: #cfe4fa; --selected-foreground: #242424; --brand: #0f6cbd; --brand-foreground: #ffffff;
  --chip: #e0f2e9; --chip-foreground: #0e4a27; --focus: #0f6cbd;
}
:root[data-theme="dark"] {
  color-scheme: dark;
  --background: #1f1f1f; --foreground: #ffffff; --muted: #c7c7c7; --rail: #292929; --border: #4d4d4d;
  --selected: #0c3b5e; --selected-foreground: #ffffff; --brand: #115ea3; --brand-foreground: #ffffff;
  --chip: #0e4a27; --chip-foreground: #e0f2e9; --focus: #62abf5;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif;
  font-size: 14px; background: var(--background); color: var(--foreground); display: flex; flex-direction: column;
}
.topbar { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 8px 16px; background: var(--brand); color: var(--brand-foreground); }
.brand { margin: 0; font-size: 18px; font-weight: 600; }
.subtitle { font-weight: 400; }
.controls { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.controls select, .controls button { font: inherit; padding: 4px 8px; border-radius: 4px; border: 1px solid var(--border); background: var(--background); color: var(--foreground); }
.controls button[aria-pressed="true"] { background: var(--selected); color: var(--selected-foreground); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.topbar :focus-visible { outline-color: var(--brand-foreground); }
.layout { flex: 1; display: grid; grid-template-columns: minmax(240px, 320px) minmax(280px, 1fr) minmax(320px, 400px); min-height: 0; }
.folders { background: var(--rail); border-right: 1px solid var(--border); overflow-y: auto; padding: 8px 0; }
.folder-heading { font-size: 13px; font-weight: 600; margin: 12px 16px 4px; }
.items { list-style: none; margin: 0; padding: 0; }
.item { display: flex; flex-direction: column; gap: 2px; width: 100%; text-align: left; padding: 8px 16px; border: 0; border-left: 3px solid transparent; background: transparent; color: inherit; font: inherit; cursor: pointer; }
.item:hover { background: var(--background); }
.item[aria-current="true"] { background: var(--selected); color: var(--selected-foreground); border-left-color: var(--brand); }
.item-from { font-weight: 600; overflow-wrap: anywhere; }
.item-subject, .item-meta { overflow-wrap: anywhere; }
.item-meta { display: flex; gap: 6px; align-items: center; font-size: 12px; }
.category { padding: 0 6px; border-radius: 8px; background: var(--chip); color: var(--chip-foreground); }
.reading { overflow-y: auto; padding: 16px 24px; }
.subject { font-size: 20px; font-weight: 600; margin: 0 0 12px; overflow-wrap: anywhere; }
.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0 0 16px; }
.fields dt { font-weight: 600; }
.fields dd { margin: 0; overflow-wrap: anywhere; }
.body p { margin: 0 0 12px; line-height: 1.5; }
.muted { color: var(--muted); }
.addin { border-left: 1px solid var(--border); display: flex; min-height: 0; }
.addin-frame { flex: 1; width: 100%; height: 100%; border: 0; background: var(--background); }
.status { max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; }
.status pre { white-space: pre-wrap; background: var(--rail); padding: 12px; border-radius: 4px; }
`;
