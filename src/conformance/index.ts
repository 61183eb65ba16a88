/**
 * The host contract's conformance suite: `runConformance(host)` checks that a `QysHost` (any: the memory
 * host, `createHttpHost({ baseUrl })` against an OA backend) keeps the contract's semantics, not only its
 * shapes. It knows nothing of the backend's data: it discovers an org through the API (roots, children,
 * a person found there), reads only, and writes only to a service it creates itself and deletes at the
 * end. DOM-free; `qys-elements-conformance --base-url …` runs it from a shell.
 *
 * What it checks: nearest-rule scopes (`{include: [A, P], exclude: [B]}` with P inside B inside A counts
 * P) and head counts (part-time persons and nested includes counted once), paging and totals, search by
 * name / 工号 / login account (and full pinyin / initials given `options.pinyin`), resolve
 * with `missing`, bulk match, version conflicts on services and scopes, the App Secret never returned,
 * errors typed (`QysError` subclasses).
 */
import { QysConflictError, QysError, QysNotFoundError, QysValidationError } from '../api/errors.js';
import { CONTRACT_METHODS, isOptionalMethod, type QysHost } from '../api/host.js';
import {
  BindingSchema,
  OrgCountSchema,
  OrgNodePageSchema,
  OrgResolveResultSchema,
  OrgScopeRecordSchema,
  ResourcePageSchema,
  refKey,
  type Binding,
  type BindingInput,
  type OrgNode,
  type OrgRef,
  type OrgScope,
  type Page,
} from '../api/schemas.js';
import { safeParse } from 'zod/mini';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface ConformanceCheck {
  /** Stable name, `group.what` (`org.count.nearestRule`). */
  name: string;
  status: CheckStatus;
  /** Why it failed or was skipped. */
  detail?: string;
  durationMs: number;
}

export interface ConformanceResult {
  checks: ConformanceCheck[];
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
}

export interface ConformanceOptions {
  /** Called with each check as it finishes (the CLI prints one line per check). */
  report?: (check: ConformanceCheck) => void;
  signal?: AbortSignal;
  /** Most `org.children` calls the discovery may make (default 80). */
  maxDiscoveryCalls?: number;
  /**
   * A name's pinyin syllables without tones (`张伟` → `['zhang', 'wei']`), for the full-pinyin and
   * initials search checks (skipped without it). The CLI passes `pinyin-pro`'s when it is installed:
   * `(s) => pinyin(s, { toneType: 'none', type: 'array', v: true })`.
   */
  pinyin?: (name: string) => string[];
}

const NO_PINYIN = 'no pinyin function (options.pinyin; the CLI uses pinyin-pro when it is installed)';

class Skip extends Error {}
class Failed extends Error {}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failed(message);
}

function valid<T>(schema: Parameters<typeof safeParse>[0], value: T, what: string): T {
  const r = safeParse(schema, value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Failed(
      `${what} does not match its schema at "${issue?.path.join('.') ?? ''}": ${issue?.message}`,
    );
  }
  return value;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Failed('the call resolved; a rejection was expected');
}

const isActive = (n: OrgNode) => n.type === 'person' && (n.status ?? 'active') === 'active';
const ref = (n: OrgNode): OrgRef => ({ type: n.type, id: n.id });
const has = (page: Page<OrgNode> | OrgNode[], n: OrgRef) =>
  ('items' in page ? page.items : page).some((x) => x.type === n.type && x.id === n.id);
const SECRET = `conformance-secret-${Math.random().toString(36).slice(2)}-do-not-echo`;
const MISSING_PERSON: OrgRef = { type: 'person', id: 'qys-conformance-missing-person' };
const MISSING_DEPT: OrgRef = { type: 'department', id: 'qys-conformance-missing-department' };

/** Finds A (a unit) with a child unit B that lists an active person P directly. */
async function discover(host: QysHost, budget: number, signal?: AbortSignal) {
  const roots = await host.org.children(null, { limit: 100, signal });
  valid(OrgNodePageSchema, roots, 'org.children(null)');
  const queue: OrgNode[] = roots.items.filter((n) => n.type !== 'person');
  let calls = 1;
  const childrenOf = new Map<string, Page<OrgNode>>();
  while (queue.length && calls < budget) {
    const a = queue.shift()!;
    if (!a.hasChildren) continue;
    const kids = await host.org.children(ref(a), { limit: 100, signal });
    calls++;
    childrenOf.set(refKey(a), kids);
    for (const b of kids.items.filter((n) => n.type !== 'person' && n.hasChildren)) {
      if (calls >= budget) break;
      const bKids = await host.org.children(ref(b), { limit: 200, signal });
      calls++;
      childrenOf.set(refKey(b), bKids);
      const p = bKids.items.find((n) => isActive(n) && !n.partTime) ?? bKids.items.find(isActive);
      if (p) return { roots, a, b, p, childrenOf };
      queue.push(b);
    }
  }
  return { roots, childrenOf };
}

/**
 * Runs every check against `host` and resolves with the results (it rejects only when `signal` aborts).
 * A service named `qys-conformance-…` is created and deleted; nothing else is written.
 */
export async function runConformance(
  host: QysHost,
  options: ConformanceOptions = {},
): Promise<ConformanceResult> {
  const { signal } = options;
  const checks: ConformanceCheck[] = [];
  async function check(name: string, fn: () => void | Promise<void>) {
    signal?.throwIfAborted();
    const t0 = performance.now();
    let status: CheckStatus = 'pass';
    let detail: string | undefined;
    try {
      await fn();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      status = e instanceof Skip ? 'skip' : 'fail';
      detail =
        e instanceof Skip || e instanceof Failed
          ? e.message
          : `unexpected ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    const c: ConformanceCheck = {
      name,
      status,
      ...(detail ? { detail } : {}),
      durationMs: Math.round(performance.now() - t0),
    };
    checks.push(c);
    options.report?.(c);
  }

  await check('contract.methods', () => {
    const groups = host as unknown as Record<string, Record<string, unknown> | undefined>;
    const absent = CONTRACT_METHODS.filter((m) => {
      const [group, name] = m.split('.') as [string, string];
      return typeof groups[group]?.[name] !== 'function' && !isOptionalMethod(m);
    });
    expect(!absent.length, `the host lacks ${absent.join(', ')}`);
  });

  // ------------------------------------------------------------------ discovery
  let found: Awaited<ReturnType<typeof discover>> | undefined;
  await check('org.discover', async () => {
    found = await discover(host, options.maxDiscoveryCalls ?? 80, signal);
    expect(found.roots.items.length > 0, 'org.children(null) lists no root unit');
    expect(found.p, 'found no unit A with a child unit B that lists an active person directly');
  });
  const A = found?.a;
  const B = found?.b;
  const P = found?.p;
  const need = () => {
    if (!A || !B || !P) throw new Skip('needs a unit A > unit B > active person P (see org.discover)');
    return { a: ref(A), b: ref(B), p: ref(P), P };
  };

  // ------------------------------------------------------------------ paging
  await check('org.children.paging', async () => {
    const roots = found?.roots;
    if (!roots) throw new Skip('no roots');
    // the parent with the most children seen
    let parent: OrgRef | null = null;
    let all = roots;
    for (const [key, page] of found!.childrenOf)
      if (page.total > all.total) {
        const [type, ...id] = key.split(':');
        parent = { type: type as OrgRef['type'], id: id.join(':') };
        all = page;
      }
    if (all.total < 3) throw new Skip('no unit with 3 or more children was found');
    expect(all.items.length <= all.total, `items (${all.items.length}) exceed total (${all.total})`);
    const n = Math.min(6, all.total, all.items.length);
    const seen: OrgNode[] = [];
    for (let offset = 0; offset < n; offset += 2) {
      const page = await host.org.children(parent, { offset, limit: 2, signal });
      valid(OrgNodePageSchema, page, 'org.children page');
      expect(page.total === all.total, `total changes with paging: ${page.total} vs ${all.total}`);
      expect(page.items.length <= 2, `limit 2 answered ${page.items.length} items`);
      seen.push(...page.items);
    }
    const want = all.items.slice(0, n).map(refKey).join(' ');
    const got = seen.slice(0, n).map(refKey).join(' ');
    expect(want === got, `pages of 2 (${got}) do not follow the one-page order (${want})`);
    const units = all.items.findIndex((x) => x.type === 'person');
    if (units >= 0)
      expect(
        all.items.slice(units).every((x) => x.type === 'person'),
        'units are not listed before persons',
      );
    const past = await host.org.children(parent, { offset: all.total, limit: 10, signal });
    expect(past.items.length === 0, `offset = total answered ${past.items.length} items`);
    expect(past.total === all.total, `offset = total changed the total to ${past.total}`);
  });

  // ------------------------------------------------------------------ counts
  const count = async (scope: OrgScope) =>
    valid(OrgCountSchema, await host.org.count(scope, { signal }), 'org.count');
  await check('org.count.nearestRule', async () => {
    const { a, b, p } = need();
    // (A \ B) ∪ {P} has exactly one more person than (A \ B) \ {P}, whatever else P belongs to.
    const withP = await count({ include: [a, p], exclude: [b] });
    const withoutP = await count({ include: [a], exclude: [b, p] });
    expect(
      withP.total === withoutP.total + 1,
      `{include: [A, P], exclude: [B]} counts ${withP.total}, {include: [A], exclude: [B, P]} ${withoutP.total}: P (inside B inside A) must count, the nearest rule wins`,
    );
    expect(withP.byRef[refKey(p)] === 1, `byRef of the included person is ${withP.byRef[refKey(p)]}, not 1`);
  });
  await check('org.count.excludedPerson', async () => {
    const { b, p } = need();
    const whole = await count({ include: [b], exclude: [] });
    const less = await count({ include: [b], exclude: [p] });
    expect(less.total === whole.total - 1, `excluding P under B: ${less.total}, B alone: ${whole.total}`);
  });
  await check('org.count.countedOnce', async () => {
    const { a, b, p } = need();
    const onlyA = await count({ include: [a], exclude: [] });
    const nested = await count({ include: [a, b, p], exclude: [] });
    expect(
      nested.total === onlyA.total && nested.inactive === onlyA.inactive,
      `{include: [A, B, P]} counts ${nested.total}/${nested.inactive} (active/inactive), {include: [A]} ${onlyA.total}/${onlyA.inactive}: a person is counted once`,
    );
    const onlyB = await count({ include: [b], exclude: [] });
    const aMinusB = await count({ include: [a], exclude: [b] });
    expect(
      onlyB.total <= onlyA.total,
      `B (${onlyB.total}) counts more than A (${onlyA.total}) that contains it`,
    );
    expect(
      aMinusB.total <= onlyA.total && aMinusB.total + onlyB.total >= onlyA.total,
      `A − B (${aMinusB.total}) and B (${onlyB.total}) do not cover A (${onlyA.total})`,
    );
    const head = (await host.org.resolve([b], { signal })).nodes[0]?.headCount;
    if (head !== undefined)
      expect(
        head === onlyB.total,
        `B's headCount (${head}) differs from count({include: [B]}) (${onlyB.total})`,
      );
  });
  await check('org.count.empty', async () => {
    const none = await count({ include: [], exclude: [] });
    expect(none.total === 0 && none.inactive === 0, `an empty scope counts ${none.total}/${none.inactive}`);
  });

  // ------------------------------------------------------------------ search / resolve / match
  const search = async (q: string) => {
    // the person may be past the first page (many people share a name or initials)
    for (let offset = 0; offset < 2000; offset += 500) {
      const page = await host.org.search(q, { offset, limit: 500, types: ['person'], signal });
      valid(OrgNodePageSchema, page, `org.search(${JSON.stringify(q)})`);
      expect(
        page.items.every((n) => n.type === 'person'),
        `types: ['person'] answered a unit for "${q}"`,
      );
      expect(
        page.items.every((n) => Array.isArray(n.path)),
        'a search result has no path',
      );
      if (has(page, need().p)) return true;
      if (offset + 500 >= page.total) break;
    }
    return false;
  };
  await check('org.search.name', async () => {
    const { P } = need();
    expect(await search(P.name), `searching "${P.name}" does not find ${refKey(P)}`);
  });
  await check('org.search.employeeNo', async () => {
    const { P } = need();
    if (!P.employeeNo) throw new Skip('the person found carries no employeeNo');
    expect(await search(P.employeeNo), `searching 工号 "${P.employeeNo}" does not find ${refKey(P)}`);
  });
  await check('org.search.account', async () => {
    const { P } = need();
    if (!P.loginId) throw new Skip('the person found carries no loginId');
    expect(await search(P.loginId), `searching login "${P.loginId}" does not find ${refKey(P)}`);
  });
  const toPinyin = options.pinyin;
  await check('org.search.pinyin', async () => {
    const { P } = need();
    if (!toPinyin) throw new Skip(NO_PINYIN);
    const full = toPinyin(P.name).join('');
    expect(await search(full), `searching full pinyin "${full}" does not find ${P.name}`);
  });
  await check('org.search.initials', async () => {
    const { P } = need();
    if (!toPinyin) throw new Skip(NO_PINYIN);
    const initials = toPinyin(P.name)
      .map((s) => s[0] ?? '')
      .join('');
    expect(await search(initials), `searching initials "${initials}" does not find ${P.name}`);
  });
  await check('org.search.paging', async () => {
    const { P } = need();
    const q = P.name.slice(0, 1);
    const first = await host.org.search(q, { limit: 3, signal });
    expect(first.items.length <= 3, `limit 3 answered ${first.items.length}`);
    expect(first.total >= first.items.length, `total ${first.total} < items ${first.items.length}`);
    if (first.total > 3) {
      const second = await host.org.search(q, { offset: 3, limit: 3, signal });
      expect(second.total === first.total, `total changes with paging: ${second.total} vs ${first.total}`);
      const overlap = second.items.filter((n) => has(first, n));
      expect(!overlap.length, `pages overlap: ${overlap.map(refKey).join(', ')}`);
    }
  });
  await check('org.resolve.missing', async () => {
    const { b, p } = need();
    const r = valid(
      OrgResolveResultSchema,
      await host.org.resolve([p, b, MISSING_PERSON, MISSING_DEPT], { signal }),
      'org.resolve',
    );
    expect(has(r.nodes, p) && has(r.nodes, b), 'resolve does not return the existing person and unit');
    const missing = r.missing.map(refKey).sort().join(' ');
    const want = [MISSING_PERSON, MISSING_DEPT].map(refKey).sort().join(' ');
    expect(missing === want, `missing is [${missing}], expected [${want}]`);
    expect(!has(r.nodes, MISSING_PERSON), 'a missing ref came back as a node');
  });
  await check('org.match', async () => {
    const { P, p } = need();
    const [hit, none] = await host.org.match([P.name, 'qys-conformance-nobody-by-this-name'], { signal });
    expect(hit && hit.matches.some((n) => n.id === p.id), `match("${P.name}") does not list ${refKey(p)}`);
    expect(none && none.matches.length === 0, 'an unknown name matched someone');
  });
  await check('org.errors.typed', async () => {
    const e = await rejection(host.org.children(MISSING_DEPT, { signal }));
    expect(e instanceof QysError, `children of an unknown unit rejected with ${String(e)}, not a QysError`);
  });

  // ------------------------------------------------------------------ services (own service only)
  const secretFree = (value: unknown, what: string) =>
    expect(!JSON.stringify(value ?? null).includes(SECRET), `${what} carries the App Secret`);
  let created: Binding | undefined;
  const input: BindingInput = {
    serviceType: 'public',
    provider: 'qiyuesuo',
    name: `qys-conformance-${Date.now().toString(36)}`,
    isDefault: false,
    appToken: 'qys-conformance-token',
    appSecret: SECRET,
    signatories: [],
    ssoEnabled: false,
    e10Url: 'https://e10.example.com',
    tenantId: 'qys-conformance',
  };
  try {
    await check('services.create', async () => {
      created = valid(BindingSchema, await host.services.save(input, { signal }), 'services.save');
      expect(created.id, 'the new service has no id');
      secretFree(created, 'the saved service');
    });
    const mine = () => {
      if (!created) throw new Skip('needs the service of services.create');
      return created;
    };
    await check('services.secretNeverReturned', async () => {
      const s = mine();
      secretFree(await host.services.get(s.id, { signal }), 'services.get');
      const list = await host.services.list({ signal });
      expect(
        list.some((x) => x.id === s.id),
        'services.list does not list the new service',
      );
      secretFree(list, 'services.list');
    });
    await check('services.versionConflict', async () => {
      const s = mine();
      const stale = { ...input, id: s.id, version: s.version };
      delete (stale as { appSecret?: string }).appSecret;
      const saved = await host.services.save({ ...stale, name: `${input.name}-2` }, { signal });
      expect(saved.version !== s.version, 'an update did not change the version');
      created = saved;
      const e = await rejection(host.services.save({ ...stale, name: `${input.name}-3` }, { signal }));
      expect(
        e instanceof QysConflictError,
        `a stale version rejected with ${String(e)}, not QysConflictError`,
      );
      if (e.current !== undefined) {
        secretFree(e.current, 'the conflict’s current record');
        expect(
          (e.current as Binding).version === saved.version,
          'the conflict’s current record is not the saved one',
        );
      }
      const now = await host.services.get(s.id, { signal });
      expect(now.name === `${input.name}-2`, 'a stale save overwrote the record');
    });
    await check('scopes.versionConflict', async () => {
      const s = mine();
      const rec = valid(OrgScopeRecordSchema, await host.org.getScope(s.id, { signal }), 'org.getScope');
      const scope: OrgScope =
        A && B ? { include: [ref(A)], exclude: [ref(B)] } : { include: [], exclude: [] };
      const saved = await host.org.saveScope(s.id, scope, rec.version, { signal });
      expect(saved.version !== rec.version, 'saving a scope did not change its version');
      const e = await rejection(
        host.org.saveScope(s.id, { include: [], exclude: [] }, rec.version, { signal }),
      );
      expect(
        e instanceof QysConflictError,
        `a stale scope version rejected with ${String(e)}, not QysConflictError`,
      );
      const now = await host.org.getScope(s.id, { signal });
      expect(now.version === saved.version, 'a stale scope save changed the record');
    });
    await check('services.validation', async () => {
      const e = await rejection(host.services.save({ ...input, appToken: '' }, { signal }));
      expect(
        e instanceof QysValidationError,
        `an empty App Token rejected with ${String(e)}, not QysValidationError`,
      );
      expect(
        e.issues.some((i) => i.path === 'appToken'),
        'the validation issues do not name appToken',
      );
    });
    await check('services.delete', async () => {
      const s = mine();
      const stale = await rejection(
        host.services.delete(s.id, s.version - 1 < 0 ? s.version + 1 : s.version - 1, { signal }),
      );
      expect(stale instanceof QysConflictError, `deleting at a stale version rejected with ${String(stale)}`);
      await host.services.delete(s.id, s.version, { signal });
      created = undefined;
      const e = await rejection(host.services.get(s.id, { signal }));
      expect(
        e instanceof QysNotFoundError,
        `get after delete rejected with ${String(e)}, not QysNotFoundError`,
      );
    });
  } finally {
    if (created) await host.services.delete(created.id, undefined, { signal }).catch(() => undefined);
  }

  // ------------------------------------------------------------------ resources / client
  await check('resources.pagingAndResolve', async () => {
    const all = valid(
      ResourcePageSchema,
      await host.resources.list('electronic-seal', { limit: 50, signal }),
      'resources.list',
    );
    if (!all.items.length) throw new Skip('the default service has no electronic seals');
    expect(all.items.length <= all.total, `items (${all.items.length}) exceed total (${all.total})`);
    if (all.total >= 2) {
      const second = await host.resources.list('electronic-seal', { offset: 1, limit: 1, signal });
      expect(second.total === all.total, `total changes with paging: ${second.total} vs ${all.total}`);
      expect(second.items[0]?.id === all.items[1]?.id, 'offset 1 is not the second item of the list');
    }
    const first = all.items[0]!;
    const r = await host.resources.resolve('electronic-seal', [first.id, 'qys-conformance-missing'], {
      signal,
    });
    expect(
      r.items.some((x) => x.id === first.id),
      'resolve does not return an existing seal',
    );
    expect(r.missing.includes('qys-conformance-missing'), 'resolve does not list the unknown ID in missing');
  });
  await check('client.context', async () => {
    const c = await host.client.context({ signal });
    expect(typeof c === 'object' && c !== null, 'client.context answered no object');
  });
  await check('services.notFound.typed', async () => {
    const e = await rejection(host.services.get('qys-conformance-no-such-service', { signal }));
    expect(
      e instanceof QysNotFoundError,
      `an unknown service rejected with ${String(e)}, not QysNotFoundError`,
    );
  });

  const passed = checks.filter((c) => c.status === 'pass').length;
  const failed = checks.filter((c) => c.status === 'fail').length;
  return { checks, passed, failed, skipped: checks.length - passed - failed, ok: failed === 0 };
}

/** One line per check, as the CLI prints it. */
export function formatCheck(c: ConformanceCheck): string {
  const mark = c.status === 'pass' ? 'ok  ' : c.status === 'fail' ? 'FAIL' : 'skip';
  return `${mark} ${c.name} (${c.durationMs} ms)${c.detail ? ` — ${c.detail}` : ''}`;
}

export function formatTotals(r: ConformanceResult): string {
  return `${r.checks.length} checks: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
}
