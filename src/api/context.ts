import { createContext } from '@lit/context';
import type { QysHost } from './host.js';

/** The `@lit/context` key under which `<qys-host-provider>` provides the host. */
export const hostContext = createContext<QysHost | undefined>(Symbol.for('qys-elements/host'));
