// Actions started from the edit form (in the form view's on-demand chunk): the 加密密钥 (regenerate, copy), the
// 组织架构同步 scope (save, reload), 同步服务商数据 and 测试连接. Functions of the element (its @internal members).
import { QysConflictError, QysValidationError, isAbortError } from '../../../api/errors.js';
import type { SyncReport } from '../../../api/schemas.js';
import { generateEncryptionKey } from '../../../core/binding/encryption-key.js';
import type { QysBindingSettings as El } from '../binding-settings.js';
import { FIELDS, errorsFromIssues, toInput } from '../../../core/binding/form-model.js';
import { loadScope } from '../actions.js';

/** 重新生成 the 加密密钥 (asks first: Qiyuesuo must be given the new one). */
export async function regenerateKey(el: El): Promise<void> {
  if (el.readonly) return;
  const ok = await el.ask({
    kind: 'confirm',
    title: el.t('field.encryptionKey.confirmTitle'),
    body: el.t('field.encryptionKey.confirm'),
    confirmLabel: el.t('field.encryptionKey.regenerate'),
    cancelLabel: el.t('cancel'),
  });
  if (!ok) return;
  el.setField('encryptionKey', generateEncryptionKey());
  el.announce(el.t('field.encryptionKey.regenerated'));
}

/** Copies the 加密密钥; where the clipboard is refused, selects it for a manual copy. */
export async function copyKey(el: El): Promise<void> {
  const value = el.draft.encryptionKey;
  try {
    await navigator.clipboard.writeText(value);
    el.announce(el.t('copied'));
    // The key itself stays out of the event: a bubbling, composed detail reaches every listener on the page.
    el.emit('qys-copy', { key: 'encryptionKey' });
  } catch {
    const input = el.renderRoot.querySelector<HTMLInputElement>('#f-encryptionKey');
    input?.focus();
    input?.select();
    el.announce(el.t('copyFailed'));
  }
}

/** Saves the scope (`overwrite`: over a newer version, after a conflict). */
export async function saveScope(el: El, overwrite = false): Promise<void> {
  const host = el.effectiveHost;
  const id = el.draft.id;
  const s = el.scope;
  if (!host || !id || !s.record || !s.value || el.readonly) return;
  let version = s.record.version;
  const signal = el.signal('scope');
  el.scope = { ...s, saving: true, error: undefined, conflict: false, saved: false };
  try {
    if (overwrite) version = (await host.org.getScope(id, { signal })).version;
    const record = await host.org.saveScope(id, s.value, version, { signal });
    if (signal.aborted) return; // superseded: never applied
    el.scope = {
      loading: false,
      saving: false,
      record,
      value: structuredClone(record.scope),
      saved: true,
    };
    el.announce(el.t('org.saved'));
    el.emit('qys-scope-save', { serviceId: id, scope: record.scope });
  } catch (e) {
    if (isAbortError(e) || signal.aborted) return;
    if (e instanceof QysConflictError) el.scope = { ...s, saving: false, conflict: true };
    else el.scope = { ...s, saving: false, error: el.t('org.saveFailed', { reason: el.errorText(e) }) };
  }
}

/** Loads the scope again (after a failure or a conflict). */
export function reloadScope(el: El): void {
  if (el.draft.id) void loadScope(el, el.draft.id);
}

/** 同步服务商数据, with progress. */
export async function runSync(el: El): Promise<void> {
  const host = el.effectiveHost;
  const id = el.draft.id;
  if (!host || !id || el.readonly || el.sync.running) return;
  const signal = el.signal('sync');
  el.sync = { running: true, progress: { ratio: 0, stage: 'seals' } };
  el.announce(el.t('sync.running', { stage: el.t('sync.stage.seals'), percent: 0 }));
  try {
    const report = await host.services.sync(id, {
      signal,
      onProgress: (p) => {
        if (!signal.aborted) el.sync = { running: true, progress: p };
      },
    });
    if (signal.aborted) return; // cancelled or superseded: the answer is not applied
    el.sync = { running: false, report };
    el.announce(syncDoneText(el, report));
    el.emit('qys-sync-complete', { serviceId: id, report });
    void el.loadList();
  } catch (e) {
    if (signal.aborted && el.sync.cancelled) return;
    if (isAbortError(e) || signal.aborted) return;
    el.sync = { running: false, error: el.t('sync.failed', { reason: el.errorText(e) }) };
  }
}

/** Stops a running sync. */
export function cancelSync(el: El): void {
  el.sync = { running: false, cancelled: true };
  el.abortTask('sync');
  el.announce(el.t('sync.cancelled'));
}

/** "Synced in n s at time". */
export function syncDoneText(el: El, r: SyncReport): string {
  const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  return el.t('sync.done', {
    seconds: Math.max(0, Math.round(ms / 100) / 10),
    time: el.formatTime(r.finishedAt),
  });
}

/** 测试连接 with the form as it is (and a typed App Secret, sent only to the host). */
export async function runTest(el: El): Promise<void> {
  const host = el.effectiveHost;
  if (!host || el.test.running) return;
  const signal = el.signal('test');
  el.test = { running: true };
  el.announce(el.t('test.running'));
  try {
    const report = await host.services.testConnection(toInput(el.draft, el.typedSecret || undefined), {
      signal,
    });
    if (signal.aborted) return;
    el.test = { running: false, report };
    el.announce(el.t(report.ok ? 'test.ok' : 'test.failed'));
  } catch (e) {
    if (isAbortError(e) || signal.aborted) return;
    if (e instanceof QysValidationError) {
      el.errors = errorsFromIssues(e.issues);
      el.touched = new Set(FIELDS);
    }
    el.test = { running: false, error: el.t('test.error', { reason: el.errorText(e) }) };
  }
}
