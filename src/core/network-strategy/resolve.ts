/**
 * Which signing address a browser gets (内外网自动登录, seed 000 item 9):
 * - `off`: always the external address (签署平台外网地址);
 * - `segment`: internal when the client IP is in one of the segments (own rules first, then the
 *   selected host presets), else external;
 * - `domain`: internal when the OA page's host matches a domain rule, else external.
 * A binding whose strategy is on but has no internal address, no usable rule or an invalid rule is
 * a validation error of the binding: `resolveSigningTarget` returns `{ ok: false, issues }` and
 * never falls back silently.
 */
import type { AutoLogin, SegmentPreset, SigningZone, ValidationIssue } from '../../api/schemas.js';
import { parseSegmentRules, type SegmentRule } from './rules.js';
import { parseDomainRules, normaliseHostname, type DomainRule } from './domain.js';
import {
  compileDomainMatcher,
  compileSegmentMatcher,
  type DomainMatcher,
  type SegmentMatcher,
} from './match.js';
import { parseIp } from './ip.js';
import type { RuleIssue } from './issues.js';
import { objectOf, textOf, textsOf } from '../input.js';

/** The parts of a binding the resolver reads (a private-cloud `Binding` fits). */
export interface SigningTargetBinding {
  signingUrlExternal?: string | null;
  signingUrlInternal?: string | null;
  autoLogin?: AutoLogin | null;
}

export interface SigningTargetInput {
  /** The client IP as the OA server sees it (`host.client.context().clientIp`). */
  clientIp?: string | null;
  /** The OA page's host: `location.host` (with a port) or `location.hostname`. */
  hostname?: string | null;
  /**
   * The OA page's scheme (`location.protocol`). `location.host` leaves out a default port, so with
   * it a host without a port is on 80 (`http:`) or 443 (`https:`) and a rule naming that port
   * matches (`oa.example.com:443` for `https://oa.example.com/`).
   */
  protocol?: string | null;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

export interface ResolveOptions {
  /** The host's named segment presets, to apply `autoLogin.segmentPresetIds`. */
  presets?: readonly SegmentPreset[] | null;
  /**
   * Skip invalid rules, unknown presets and an empty list instead of refusing the binding (for
   * previews such as the editor's "try an address"; never for real signing).
   */
  ignoreInvalidRules?: boolean;
}

/** The rule that decided. `index` is its position in `autoLogin.segmentRules` / `domainRules`, or in the preset. */
export interface MatchedRule {
  list: 'segment' | 'domain';
  index: number;
  rule: string;
  presetId?: string;
  presetName?: string;
}

export type SigningTargetReason =
  | 'off'
  | 'segment.match'
  | 'segment.noMatch'
  | 'segment.noClientIp'
  | 'segment.badClientIp'
  | 'domain.match'
  | 'domain.noMatch'
  | 'domain.noHostname'
  | 'domain.badHostname';

export interface SigningTarget {
  ok: true;
  zone: SigningZone;
  /** The signing platform base URL for that zone. */
  url: string;
  matchedRule?: MatchedRule;
  /** Why (message code `reason.<reason>` in the editor's catalogue). */
  reason: SigningTargetReason;
}

/**
 * The binding cannot be resolved. `issues` use the wire paths and codes of `ValidationIssue`:
 * `signingUrlExternal` / `required`, `signingUrlInternal` / `signingUrlInternal.requiredForAutoLogin`,
 * `autoLogin.segmentRules` or `autoLogin.domainRules` / `strategy.noRules`,
 * `autoLogin.segmentRules.N` / a rule error code, `autoLogin.segmentPresetIds.N` / `segmentPreset.unknown`.
 */
export interface SigningTargetInvalid {
  ok: false;
  reason: 'invalid-binding';
  issues: ValidationIssue[];
}

export type SigningTargetResult = SigningTarget | SigningTargetInvalid;

interface SegmentEntry {
  rule: SegmentRule | null;
  source: MatchedRule;
}

/** A compiled strategy: reuse it for many lookups (`resolveSigningTarget` caches one per rule list). */
export interface CompiledStrategy {
  segmentIssues: RuleIssue[];
  domainIssues: RuleIssue[];
  unknownPresetIds: string[];
  segmentEntries: SegmentEntry[];
  domainRules: (DomainRule | null)[];
  segment: SegmentMatcher;
  domain: DomainMatcher;
  /** Number of usable (valid) rules in force for each mode. */
  usableSegmentRules: number;
  usableDomainRules: number;
}

/**
 * Caches are per rule-list array, and remember the list's content: a list changed in place (a page
 * pushing a rule onto `binding.autoLogin.segmentRules`) is compiled again instead of answered from
 * the stale entry. Comparing is O(n) over strings that are usually identical references.
 */
const sameContent = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const segmentCache = new WeakMap<
  readonly string[],
  {
    snapshot: readonly string[];
    presets: unknown;
    ids: string;
    value: Pick<
      CompiledStrategy,
      'segmentIssues' | 'unknownPresetIds' | 'segmentEntries' | 'segment' | 'usableSegmentRules'
    >;
  }
>();
const domainCache = new WeakMap<
  readonly string[],
  {
    snapshot: readonly string[];
    value: Pick<CompiledStrategy, 'domainIssues' | 'domainRules' | 'domain' | 'usableDomainRules'>;
  }
>();

function compileSegments(autoLogin: AutoLogin, presets: readonly SegmentPreset[] | null | undefined) {
  const ids = (autoLogin.segmentPresetIds ?? []).join('\u0000');
  const cached = segmentCache.get(autoLogin.segmentRules);
  if (
    cached &&
    cached.presets === (presets ?? null) &&
    cached.ids === ids &&
    sameContent(autoLogin.segmentRules, cached.snapshot)
  )
    return cached.value;
  const own = parseSegmentRules(autoLogin.segmentRules);
  const entries: SegmentEntry[] = own.rules.map((rule, index) => ({
    rule,
    source: { list: 'segment', index, rule: autoLogin.segmentRules[index]!.trim() },
  }));
  const unknownPresetIds: string[] = [];
  for (const id of autoLogin.segmentPresetIds ?? []) {
    const preset = presets?.find((p) => p.id === id);
    if (!preset) {
      if (presets) unknownPresetIds.push(id);
      continue;
    }
    // Preset rules come from the host; a bad one is skipped, not the admin's fault.
    parseSegmentRules(preset.rules).rules.forEach((rule, index) => {
      if (rule)
        entries.push({
          rule,
          source: {
            list: 'segment',
            index,
            rule: preset.rules[index]!.trim(),
            presetId: preset.id,
            presetName: preset.name,
          },
        });
    });
  }
  const value = {
    segmentIssues: own.issues,
    unknownPresetIds,
    segmentEntries: entries,
    segment: compileSegmentMatcher(entries.map((e) => e.rule)),
    usableSegmentRules: entries.filter((e) => e.rule).length,
  };
  segmentCache.set(autoLogin.segmentRules, {
    snapshot: [...autoLogin.segmentRules],
    presets: presets ?? null,
    ids,
    value,
  });
  return value;
}

function compileDomains(autoLogin: AutoLogin) {
  const cached = domainCache.get(autoLogin.domainRules);
  if (cached && sameContent(autoLogin.domainRules, cached.snapshot)) return cached.value;
  const parsed = parseDomainRules(autoLogin.domainRules);
  const value = {
    domainIssues: parsed.issues,
    domainRules: parsed.rules,
    domain: compileDomainMatcher(parsed.rules),
    usableDomainRules: parsed.rules.filter(Boolean).length,
  };
  domainCache.set(autoLogin.domainRules, { snapshot: [...autoLogin.domainRules], value });
  return value;
}

/** Parses, analyses and compiles both lists of a strategy (cached per rule-list array). */
export function compileStrategy(autoLogin: AutoLogin, options: ResolveOptions = {}): CompiledStrategy {
  return { ...compileSegments(autoLogin, options.presets), ...compileDomains(autoLogin) };
}

const OFF: AutoLogin = { mode: 'off', segmentRules: [], domainRules: [] };

// The lists are kept as the same arrays when they hold only strings (the compile caches are keyed by them).
function normaliseAutoLogin(value: unknown): AutoLogin {
  const a = objectOf<AutoLogin>(value);
  if (!a) return OFF;
  return {
    mode: a.mode === 'segment' || a.mode === 'domain' ? a.mode : 'off',
    segmentRules: textsOf(a.segmentRules) as string[],
    domainRules: textsOf(a.domainRules) as string[],
    ...(Array.isArray(a.segmentPresetIds)
      ? { segmentPresetIds: textsOf(a.segmentPresetIds) as string[] }
      : {}),
  };
}

const isPreset = (p: unknown): p is SegmentPreset => {
  const o = objectOf<SegmentPreset>(p);
  return (
    !!o && typeof o.id === 'string' && Array.isArray(o.rules) && o.rules.every((r) => typeof r === 'string')
  );
};

/** Options as the resolver can use them: presets that are not `{ id, rules: string[] }` are left out. */
function normaliseOptions(value: unknown): ResolveOptions {
  const o = objectOf<ResolveOptions>(value);
  if (!o) return {};
  const presets = Array.isArray(o.presets)
    ? o.presets.every(isPreset)
      ? o.presets
      : o.presets.filter(isPreset)
    : undefined;
  return {
    ...(presets ? { presets } : {}),
    ...(o.ignoreInvalidRules === true ? { ignoreInvalidRules: true } : {}),
  };
}

/**
 * Validation issues of the strategy part of a binding (empty when it can be resolved).
 * Only the list of the mode in force is checked; the other list is kept but not used.
 * Never throws: a value of the wrong type is treated as missing.
 */
export function validateSigningStrategy(
  binding: SigningTargetBinding,
  options: ResolveOptions = {},
): ValidationIssue[] {
  const b = objectOf<SigningTargetBinding>(binding) ?? {};
  options = normaliseOptions(options);
  const issues: ValidationIssue[] = [];
  const autoLogin = normaliseAutoLogin(b.autoLogin);
  if (!textOf(b.signingUrlExternal).trim()) issues.push({ path: 'signingUrlExternal', code: 'required' });
  if (autoLogin.mode === 'off') return issues;
  if (!textOf(b.signingUrlInternal).trim())
    issues.push({ path: 'signingUrlInternal', code: 'signingUrlInternal.requiredForAutoLogin' });
  if (options.ignoreInvalidRules) return issues;
  // Only the list in force is compiled (a signing open pays for one list, not both).
  const seg = autoLogin.mode === 'segment' ? compileSegments(autoLogin, options.presets) : undefined;
  const list = seg ? 'segmentRules' : 'domainRules';
  const ruleIssues = seg ? seg.segmentIssues : compileDomains(autoLogin).domainIssues;
  for (const i of ruleIssues)
    if (i.severity === 'error') issues.push({ path: `autoLogin.${list}.${i.index}`, code: i.code });
  if (seg) {
    const ids = autoLogin.segmentPresetIds ?? [];
    seg.unknownPresetIds.forEach((id) =>
      issues.push({ path: `autoLogin.segmentPresetIds.${ids.indexOf(id)}`, code: 'segmentPreset.unknown' }),
    );
  }
  const usable =
    autoLogin.mode === 'segment'
      ? autoLogin.segmentRules.length + (autoLogin.segmentPresetIds?.length ?? 0)
      : autoLogin.domainRules.length;
  if (usable === 0) issues.push({ path: `autoLogin.${list}`, code: 'strategy.noRules' });
  return issues;
}

/**
 * Decides the signing zone and URL for one browser. Never throws, whatever it is given; an unusable
 * binding (a value of the wrong type included) comes back as `{ ok: false, reason: 'invalid-binding', issues }`,
 * an unusable client IP or hostname as the external zone with its reason.
 */
export function resolveSigningTarget(
  binding: SigningTargetBinding,
  input: SigningTargetInput,
  options: ResolveOptions = {},
): SigningTargetResult {
  const b = objectOf<SigningTargetBinding>(binding) ?? {};
  const where = objectOf<SigningTargetInput>(input) ?? {};
  options = normaliseOptions(options);
  const issues = validateSigningStrategy(b, options);
  if (issues.length) return { ok: false, reason: 'invalid-binding', issues };
  const autoLogin = normaliseAutoLogin(b.autoLogin);
  const external = textOf(b.signingUrlExternal).trim();
  const internal = textOf(b.signingUrlInternal).trim();
  const ext = (reason: SigningTargetReason): SigningTarget => ({
    ok: true,
    zone: 'external',
    url: external,
    reason,
  });
  if (autoLogin.mode === 'off') return ext('off');
  if (autoLogin.mode === 'segment') {
    const c = compileSegments(autoLogin, options.presets);
    // A link-local client comes with the zone of the server's interface (`fe80::1%eth0`, as Node's
    // `socket.remoteAddress` reports it): the zone is not part of the address, so it is dropped
    // here (rules themselves may not carry one).
    const ipText = textOf(where.clientIp)
      .trim()
      .replace(/^(\[?[0-9a-f:.]*:[0-9a-f:.]*)%[^\]]*/i, '$1');
    if (!ipText) return ext('segment.noClientIp');
    const ip = parseIp(ipText);
    if (!ip.ok) return ext('segment.badClientIp');
    const i = c.segment.match(ip.address);
    if (i < 0) return ext('segment.noMatch');
    return {
      ok: true,
      zone: 'internal',
      url: internal,
      matchedRule: c.segmentEntries[i]!.source,
      reason: 'segment.match',
    };
  }
  const hostText = textOf(where.hostname).trim();
  if (!hostText) return ext('domain.noHostname');
  let host = normaliseHostname(hostText);
  if (!host) return ext('domain.badHostname');
  const scheme = textOf(where.protocol).toLowerCase();
  // Own keys only: `constructor` or `__proto__` as a protocol must not find Object's members.
  const defaultPort = Object.hasOwn(DEFAULT_PORTS, scheme) ? DEFAULT_PORTS[scheme] : undefined;
  if (host.port === undefined && defaultPort !== undefined) host = { ...host, port: defaultPort };
  const i = compileDomains(autoLogin).domain.match(host);
  if (i < 0) return ext('domain.noMatch');
  return {
    ok: true,
    zone: 'internal',
    url: internal,
    matchedRule: { list: 'domain', index: i, rule: autoLogin.domainRules[i]!.trim() },
    reason: 'domain.match',
  };
}
