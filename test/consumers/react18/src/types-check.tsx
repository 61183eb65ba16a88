// Type-level checks: the wrappers' props and event details are real types, not `any`.
import { createMemoryHost } from 'qys-elements';
import { QysBrowseField, QysSigningFrame } from 'qys-elements/react';

export const ok = (
  <>
    <QysBrowseField
      host={createMemoryHost()}
      kind="electronic-seal"
      onQysChange={(e) => e.detail.value.join(',')}
    />
    <QysSigningFrame contractId="c1" onQysBlocked={(e) => e.detail.cause.toUpperCase()} />
  </>
);
// @ts-expect-error host is a QysHost, not a string
export const badHost = <QysBrowseField host="[object Object]" />;
// @ts-expect-error kind is one of the resource kinds
export const badKind = <QysBrowseField kind="stamp" />;
// @ts-expect-error detail.value of qys-change is string[]
export const badDetail = <QysBrowseField onQysChange={(e) => e.detail.value.toFixed()} />;
