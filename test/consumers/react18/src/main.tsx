import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryHost, type AutoLogin, type OrgScope } from 'qys-elements';
import {
  QysBrowseField,
  QysHostProvider,
  QysNetworkStrategyEditor,
  QysOrgScopePicker,
} from 'qys-elements/react';

// React 18 sets unknown JSX props as attributes: the wrappers from qys-elements/react set properties
// (host, value as objects) and turn onQys… props into listeners.
const host = createMemoryHost();

function App() {
  const [bf, setBf] = useState<string[]>(['2870000000000000001']);
  const [ose, setOse] = useState<AutoLogin>({ mode: 'off', segmentRules: ['10.0.0.0/8'], domainRules: [] });
  const [osp, setOsp] = useState<OrgScope>({ include: [{ type: 'subcompany', id: '101' }], exclude: [] });
  const [lang, setLang] = useState<'zh-CN' | 'en'>('zh-CN');
  const [events, setEvents] = useState(0);
  const [count, setCount] = useState(0);
  return (
    <QysHostProvider host={host}>
      <QysBrowseField
        id="bf"
        kind="file-template"
        multiple
        lang={lang}
        value={bf}
        onQysChange={(e) => {
          setBf(e.detail.value);
          setEvents((n) => n + 1);
        }}
      />
      <QysNetworkStrategyEditor
        id="ose"
        lang={lang}
        value={ose}
        onQysChange={(e) => {
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
    </QysHostProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
