import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryHost, type AutoLogin, type OrgScope } from 'qys-elements';
// The tags written directly (React 19 sets properties and listens to on<event> props)...
import 'qys-elements/host-provider.js';
import 'qys-elements/browse-field.js';
import 'qys-elements/network-strategy-editor.js';
import type {} from 'qys-elements/react/jsx';
// ...and a wrapper, side by side.
import { QysOrgScopePicker } from 'qys-elements/react';

const host = createMemoryHost();

function App() {
  const [bf, setBf] = useState<string[]>(['2870000000000000001']);
  const [ose, setOse] = useState<AutoLogin>({ mode: 'off', segmentRules: ['10.0.0.0/8'], domainRules: [] });
  const [osp, setOsp] = useState<OrgScope>({ include: [{ type: 'subcompany', id: '101' }], exclude: [] });
  const [lang, setLang] = useState<'zh-CN' | 'en'>('zh-CN');
  const [events, setEvents] = useState(0);
  const [count, setCount] = useState(0);
  return (
    <qys-host-provider host={host}>
      <qys-browse-field
        id="bf"
        kind="file-template"
        multiple
        lang={lang}
        value={bf}
        onqys-change={(e) => {
          setBf(e.detail.value);
          setEvents((n) => n + 1);
        }}
      />
      <qys-network-strategy-editor
        id="ose"
        lang={lang}
        value={ose}
        onqys-change={(e) => {
          setOse(e.detail.value);
          setEvents((n) => n + 1);
        }}
      />
      <QysOrgScopePicker
        id="osp"
        lang={lang}
        value={osp}
        onQysChange={(e) => {
          setOsp(e.detail.value);
          setEvents((n) => n + 1);
        }}
      />
      <pre id="model">{JSON.stringify({ bf, ose, osp })}</pre>
      <output id="events">{events}</output>
      <output id="count">{count}</output>
      <button id="lang" onClick={() => setLang((l) => (l === 'en' ? 'zh-CN' : 'en'))}>
        lang
      </button>
      <button id="rerender" onClick={() => setCount((c) => c + 1)}>
        rerender
      </button>
    </qys-host-provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
