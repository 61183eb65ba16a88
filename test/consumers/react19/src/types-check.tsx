// Type-level checks: the tags are in JSX.IntrinsicElements with real types, not `any`.
import type {} from 'qys-elements/react/jsx';
import { createMemoryHost } from 'qys-elements';
import { QysSigningFrame } from 'qys-elements/react';

export const ok = (
  <>
    <qys-browse-field host={createMemoryHost()} kind="electronic-seal-flow" />
    <qys-signing-frame contractId="c1" onqys-blocked={(e) => e.detail.cause.toUpperCase()} />
    <qys-org-scope-picker mode="persons" onqys-change={(e) => e.detail.value.include.length} />
    <QysSigningFrame contractId="c1" onQysSigned={(e) => e.detail.contractId?.trim()} />
  </>
);
// @ts-expect-error host is a QysHost, not a string
export const badHost = <qys-browse-field host="[object Object]" />;
// @ts-expect-error detail.value of qys-change is string[]
export const badDetail = <qys-browse-field onqys-change={(e) => e.detail.value.toFixed()} />;
// @ts-expect-error no such tag
export const unknownTag = <qys-browse-feld />;
