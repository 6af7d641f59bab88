// The report page's only script: expanding services (buttons, arrow keys), and inside the
// VS Code webview, turning location links and toolbar buttons into messages to the
// extension. In a plain browser the links stay plain file links. Without script every
// service is shown expanded.

export const REPORT_SCRIPT = `(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var toggles = Array.prototype.slice.call(document.querySelectorAll('button.toggle'));
  var state = (vscode && vscode.getState()) || {};
  function set(button, open) {
    button.setAttribute('aria-expanded', String(open));
    var details = document.getElementById(button.getAttribute('aria-controls'));
    if (details) details.hidden = !open;
  }
  function save() {
    if (!vscode) return;
    vscode.setState({
      expanded: toggles.filter(function (b) { return b.getAttribute('aria-expanded') === 'true'; }).map(function (b) { return b.dataset.service; }),
      scroll: window.scrollY,
    });
  }
  toggles.forEach(function (b) {
    set(b, Array.isArray(state.expanded) ? state.expanded.indexOf(b.dataset.service) >= 0 : toggles.length === 1);
  });
  if (typeof state.scroll === 'number') window.scrollTo(0, state.scroll);
  window.addEventListener('scroll', function () { save(); }, { passive: true });
  document.addEventListener('click', function (event) {
    var target = event.target && event.target.closest ? event.target.closest('button.toggle, button[data-expand], a.loc, button[data-command]') : null;
    if (!target) return;
    if (target.classList.contains('toggle')) {
      set(target, target.getAttribute('aria-expanded') !== 'true');
      save();
    } else if (target.dataset.expand) {
      toggles.forEach(function (b) { set(b, target.dataset.expand === 'all'); });
      save();
    } else if (target.dataset.command && vscode) {
      vscode.postMessage({ type: target.dataset.command });
    } else if (target.classList.contains('loc') && vscode) {
      event.preventDefault();
      var r = (target.dataset.range || '0,0,0,0').split(',').map(Number);
      vscode.postMessage({ type: 'reveal', uri: target.dataset.uri, range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } } });
    }
  });
  document.addEventListener('keydown', function (event) {
    var i = toggles.indexOf(document.activeElement);
    if (i < 0) return;
    var next = -1;
    if (event.key === 'ArrowDown') next = Math.min(i + 1, toggles.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(i - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = toggles.length - 1;
    else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      set(toggles[i], event.key === 'ArrowRight');
      save();
      event.preventDefault();
      return;
    }
    if (next >= 0) {
      event.preventDefault();
      toggles[next].focus();
    }
  });
})();`;
