// A page without a framework or bundler, written as E9 / ecode pages are: a classic script that uses the
// global `QysElements` (from qys-elements.iife.js, or set by esm.html from qys-elements.js). The page
// keeps its own model, follows the fields' native `change` events and writes the model back into the
// fields on every render, as a framework would.
(function () {
  var Q = window.QysElements;
  var root = document.getElementById('root');
  root.innerHTML =
    '<qys-host-provider>' +
    '<qys-browse-field id="bf" kind="file-template" multiple></qys-browse-field>' +
    '<qys-network-strategy-editor id="ose"></qys-network-strategy-editor>' +
    '<qys-org-scope-picker id="osp"></qys-org-scope-picker>' +
    '</qys-host-provider>' +
    '<pre id="model"></pre><output id="events">0</output><output id="count">0</output>' +
    '<button id="lang">lang</button><button id="rerender">rerender</button>';
  root.querySelector('qys-host-provider').host = Q.createMemoryHost();
  var model = {
    bf: ['2870000000000000001'],
    ose: { mode: 'off', segmentRules: ['10.0.0.0/8'], domainRules: [] },
    osp: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
  };
  var state = { events: 0, count: 0, lang: 'zh-CN' };
  function render() {
    Object.keys(model).forEach(function (id) {
      var el = document.getElementById(id);
      el.value = model[id];
      el.lang = state.lang;
    });
    document.getElementById('model').textContent = JSON.stringify(model);
    document.getElementById('events').textContent = String(state.events);
    document.getElementById('count').textContent = String(state.count);
  }
  Object.keys(model).forEach(function (id) {
    var el = document.getElementById(id);
    el.addEventListener('change', function () {
      model[id] = el.value;
      render();
    });
    el.addEventListener('qys-change', function () {
      // Only the counter: the model follows `change`, which comes right after.
      state.events++;
      document.getElementById('events').textContent = String(state.events);
    });
  });
  document.getElementById('lang').addEventListener('click', function () {
    state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
    render();
  });
  document.getElementById('rerender').addEventListener('click', function () {
    state.count++;
    render();
  });
  render();
})();
