// Host actions of <qys-binding-settings> that the list view and the element itself start (in the entry): delete,
// set default, load the sync scope. Functions of the element (its @internal members), so the class stays the
// state and the wiring; each host call takes the element's per-kind abort signal (`el.signal(kind)`).
import { isAbortError } from '../../api/errors.js';
import type { Binding } from '../../api/schemas.js';
import type { QysBindingSettings as El } from './binding-settings.js';
import { draftFromBinding, toInput } from '../../core/binding/form-model.js';

/** 删除: asks, deletes, says so in the list, leaves the form when it showed that service. */
export async function deleteBinding(el: El, b: Binding): Promise<void> {
  const host = el.effectiveHost;
  if (!host || el.readonly) return;
  const name = el.bindingName(b);
  const ok = await el.ask({
    kind: 'confirm',
    title: el.t('delete.confirmTitle'),
    body: el.t(b.isDefault ? 'delete.confirmDefault' : 'delete.confirm', { name }),
    confirmLabel: el.t('delete.action'),
    cancelLabel: el.t('cancel'),
    danger: true,
  });
  if (!ok) return;
  try {
    await host.services.delete(b.id, b.version, { signal: el.signal('delete') });
    el.listMessage = el.t('delete.done', { name });
    el.announce(el.listMessage);
    el.emit('qys-delete', { id: b.id });
    if (el.view === 'form' && el.draft.id === b.id) el.leaveForm();
  } catch (e) {
    if (isAbortError(e)) return;
    el.listMessage = el.t('delete.failed', { reason: el.errorText(e) });
  }
  await el.loadList();
}

/** 设为默认: asks (naming the service that loses the flag), saves with `isDefault`. */
export async function makeDefault(el: El, b: Binding): Promise<void> {
  const host = el.effectiveHost;
  if (!host || el.readonly || b.isDefault) return;
  const name = el.bindingName(b);
  const previous = el.bindings?.find((x) => x.isDefault && x.id !== b.id);
  const ok = await el.ask({
    kind: 'confirm',
    title: el.t('default.confirmTitle'),
    body: previous
      ? el.t('default.confirm', { name, previous: el.bindingName(previous) })
      : el.t('default.confirmNoPrevious', { name }),
    confirmLabel: el.t('list.setDefault'),
    cancelLabel: el.t('cancel'),
  });
  if (!ok) return;
  try {
    const saved = await host.services.save(
      { ...toInput(draftFromBinding(b)), isDefault: true },
      { signal: el.signal('default') },
    );
    el.listMessage = el.t('default.done', { name });
    el.announce(el.listMessage);
    const { appSecret: _drop, ...binding } = saved as Binding & { appSecret?: unknown };
    el.emit('qys-save', { binding: binding });
  } catch (e) {
    if (isAbortError(e)) return;
    el.listMessage = el.t('default.failed', { reason: el.errorText(e) });
  }
  await el.loadList();
}

/** Loads the 组织架构同步 scope of a service into `el.scope`. */
export async function loadScope(el: El, serviceId: string): Promise<void> {
  const host = el.effectiveHost;
  if (!host) return;
  const signal = el.signal('scope');
  el.scope = { loading: true, saving: false };
  try {
    const record = await host.org.getScope(serviceId, { signal });
    if (signal.aborted) return; // superseded (another service opened): never applied
    el.scope = { loading: false, saving: false, record, value: structuredClone(record.scope) };
  } catch (e) {
    if (isAbortError(e) || signal.aborted) return;
    el.scope = {
      loading: false,
      saving: false,
      error: el.t('org.loadFailed', { reason: el.errorText(e) }),
    };
  }
}
