// The report page's stylesheet. VS Code's theme variables when shown in a webview, with
// fallbacks (system colors, light and dark) when the same file is opened in a browser.

export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --fg: var(--vscode-foreground, CanvasText);
  --bg: var(--vscode-editor-background, Canvas);
  --muted: var(--vscode-descriptionForeground, GrayText);
  --border: var(--vscode-panel-border, var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.35)));
  --row: var(--vscode-list-hoverBackground, rgba(128, 128, 128, 0.08));
  --link: var(--vscode-textLink-foreground, LinkText);
  --focus: var(--vscode-focusBorder, Highlight);
  --pass: var(--vscode-testing-iconPassed, #2e8b3a);
  --fail: var(--vscode-testing-iconFailed, var(--vscode-errorForeground, #d1242f));
  --exempt: var(--vscode-editorWarning-foreground, #b58900);
  --button-bg: var(--vscode-button-secondaryBackground, ButtonFace);
  --button-fg: var(--vscode-button-secondaryForeground, ButtonText);
  --code-bg: var(--vscode-textCodeBlock-background, rgba(128, 128, 128, 0.15));
}
* { box-sizing: border-box; }
body {
  margin: 0; padding: 1rem 1.5rem 2rem; color: var(--fg); background: var(--bg);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  font-size: var(--vscode-font-size, 14px); line-height: 1.45;
}
h1 { font-size: 1.6em; margin: 0 0 0.25rem; font-weight: 600; }
h2 { font-size: 1.2em; margin: 1.5rem 0 0.5rem; font-weight: 600; }
a { color: var(--link); }
code { font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); font-size: 0.92em; background: var(--code-bg); padding: 0 0.25em; border-radius: 3px; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
button {
  font: inherit; color: var(--button-fg); background: var(--button-bg); border: 1px solid var(--border);
  border-radius: 3px; padding: 0.2rem 0.7rem; cursor: pointer;
}
header .meta, footer { color: var(--muted); }
.toolbar { float: right; display: flex; gap: 0.5rem; }
.summary { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; list-style: none; padding: 0; margin: 0.75rem 0 0; align-items: baseline; }
.summary .big { font-size: 1.8em; font-weight: 600; margin-right: 0.3rem; }
.actions { display: flex; gap: 0.5rem; margin-bottom: 0.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
thead th { font-weight: 600; color: var(--muted); border-bottom-width: 2px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.service:hover { background: var(--row); }
tr.service th { font-weight: 600; }
button.toggle { background: none; border: none; color: var(--fg); padding: 0; font-weight: 600; text-align: left; }
button.toggle .chevron { display: inline-block; width: 1em; transition: transform 0.1s; }
button.toggle .chevron::before { content: "\\25B8"; }
button.toggle[aria-expanded="true"] .chevron { transform: rotate(90deg); }
.title { color: var(--muted); font-weight: normal; }
.score { white-space: nowrap; }
.score meter { width: 6rem; vertical-align: middle; margin-right: 0.4rem; }
.score .value { display: inline-block; min-width: 2.2em; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.level { display: inline-block; padding: 0 0.5em; border-radius: 1em; border: 1px solid var(--border); font-weight: 600; font-size: 0.9em; }
.level.gold { color: #7a5c00; background: #f6d55c; border-color: #d4af37; }
.level.silver { color: #333; background: #dcdfe3; border-color: #a7adb4; }
.level.bronze { color: #4a2b0f; background: #e3b38a; border-color: #b0753f; }
.level.none { color: var(--muted); }
.badge { display: inline-block; padding: 0 0.45em; border-radius: 3px; font-size: 0.85em; font-weight: 600; border: 1px solid currentColor; }
.badge.blocked, .status.fail { color: var(--fail); }
.badge.ok, .status.pass { color: var(--pass); }
.status.exempt { color: var(--exempt); }
.status.na { color: var(--muted); }
.status { font-weight: 600; white-space: nowrap; }
tr.details > td { padding: 0.5rem 0 1rem 1.6rem; background: transparent; }
tr.details[hidden] { display: none; }
.detail-head { margin: 0 0 0.5rem; color: var(--muted); }
.note { margin: 0.25rem 0; color: var(--exempt); }
table.checks { font-size: 0.95em; }
table.checks td.what { max-width: 48rem; }
.remedy { color: var(--muted); margin-top: 0.15rem; }
.remedy::before { content: "Remedy: "; font-weight: 600; }
.exemption { color: var(--exempt); margin-top: 0.15rem; }
ul.items { margin: 0.25rem 0 0; padding-left: 1.1rem; }
ul.items li.ok::marker { content: "\\2713  "; color: var(--pass); }
ul.items li.bad::marker { content: "\\2717  "; color: var(--fail); }
a.loc { white-space: nowrap; }
ol.common { padding-left: 1.4rem; }
footer { margin-top: 2rem; font-size: 0.9em; }
@media print { .toolbar, .actions, button.toggle .chevron { display: none; } tr.details[hidden] { display: table-row; } }
`;
