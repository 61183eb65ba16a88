// The result and problem panels of <qys-signing-frame>, loaded on demand the first time a run ends, fails
// or is blocked (never for the first render: the frame and its loading state): their zh-CN strings
// (joined to the 'signing-frame' catalogue by the element), their CSS and their part of a render.

/** zh-CN strings of the panels (the en and zh-TW modules of the catalogue have them too). */
export const panelStrings = {
  popupBlocked: '浏览器拦截了新窗口：请允许本站弹出窗口后再试。',
  signed: '签署完成。',
  declined: '已拒签。',
  cancelled: '已取消签署。',
  'next.signed': '可以关闭本页，或回到流程继续办理；签署后的文件可在契约锁中查看和下载。',
  'next.declined': '流程不会继续。如需重新签署，请联系发起人重新发起合同。',
  'next.cancelled': '签署尚未完成，重新打开本页即可继续签署。',
  unconfirmed: '契约锁尚未确认合同状态（当前：{status}）。',
  error: '签署页面出错：{message}',
  hostError: '无法获取签署链接：{message}',
  badUrl: '签署链接不是有效的 http(s) 地址，为安全起见未打开，请联系管理员',
  noHost: '未连接数据源：请将组件放在 <qys-host-provider> 中或设置 host 属性。',
  noContract: '未指定合同：请设置 contract-id 或 params。',
  badBinding: '签署服务的内外网配置有误，请在绑定设置中修正。',
  'hint.csp': '请管理员在 OA 的 Content-Security-Policy 的 frame-src 中加入 {origin}，或先在新窗口中打开。',
  'hint.frame-refused':
    '请在契约锁电子签约管理控制台 → 系统设置 → 系统安全 → 嵌入电子签平台页面白名单 中加入 {origin}（多个地址用英文逗号隔开），或先在新窗口中打开。',
  'hint.mixed-content':
    '请将签署平台地址 {origin} 改为 HTTPS（OA 与契约锁的协议需保持一致），或先在新窗口中打开。',
  'hint.expired': '请重试；若反复出现，请检查 OA 服务器与契约锁服务器的时间是否一致。',
  'hint.login-required':
    '请重试；若反复出现，请检查绑定设置中的加密密钥与契约锁一致，且当前用户已同步到契约锁。',
  'hint.third-party-storage':
    '请在新窗口中打开签署页（新窗口不受此限制）。Safari 默认阻止第三方 Cookie，Chrome 等浏览器在关闭第三方 Cookie 时也会如此。',
  'hint.unreachable': '请检查网络及签署平台内网 / 外网地址后重试。',
  retry: '重试',
  openWindow: '在新窗口中打开',
};

// Tagged `css` (String.raw) so the build minifies it like lit's css literals (scripts/vite-minify-literals.mjs).
const css = String.raw;

export const panelCss = css`
  [data-outcome]:not([data-outcome='']) {
    padding: 16px;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_c);
    border-radius: var(--_radius);
    background: var(--_surface);
    --_c: var(--_muted);
  }
  [data-outcome='signed'] {
    --_c: var(--_success);
  }
  [data-outcome='declined'] {
    --_c: var(--_danger);
  }
  [data-outcome]:not([data-outcome='']) [part='status'] {
    font-size: 1.15em;
    font-weight: 600;
    color: var(--_c);
  }
  [part='result-hint'] {
    margin-block-start: 4px;
    color: var(--_muted);
  }
  [part='problem'] {
    padding: 12px 16px;
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_danger-bg);
  }
  [part='problem-title'] {
    font-weight: 600;
  }
  [part='actions'] {
    display: flex;
    gap: 8px;
    margin-block-start: 8px;
  }
  [part='button'] {
    padding: 4px 12px;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    cursor: pointer;
  }
`;

/** The skeleton's elements the panels fill. */
export interface PanelParts {
  status: HTMLElement;
  next: HTMLElement;
  problem: HTMLElement;
  title: HTMLElement;
  hint: HTMLElement;
  retry: HTMLElement;
  win: HTMLElement;
}

/**
 * The panels' part of a render: signed / declined / cancelled get a result panel (the status line as its
 * title) with what to do next; blocked / error get the problem panel (`problem`: the note as its title, the
 * hint, and "open in a new window" when `blocked`; the buttons' labels too: they show only in that panel).
 */
export function renderPanels(
  p: PanelParts,
  state: string,
  problem: boolean,
  note: { key: string; params?: Record<string, string | number>; hint?: string } | undefined,
  noteText: string,
  blocked: boolean,
  t: (key: string, params?: Record<string, string | number>) => string,
): void {
  const outcome = /^(signed|declined|cancelled)$/.test(state);
  p.status.parentElement!.dataset.outcome = outcome ? state : '';
  p.next.textContent = outcome ? t(`next.${state}`) : '';
  p.problem.hidden = !problem;
  p.title.textContent = problem ? noteText : '';
  p.hint.hidden = !note?.hint;
  p.hint.textContent = note?.hint ? t(note.hint, note.params) : '';
  p.win.hidden = !blocked;
  p.retry.textContent = t('retry');
  p.win.textContent = t('openWindow');
}
