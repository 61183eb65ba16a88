/**
 * Network strategy (内外网自动登录): rule parsing, analysis, compiled matching and resolution.
 * Pure functions, no DOM; everything here is re-exported from the package root.
 */
export {
  parseIp,
  formatIp,
  type IpAddress,
  type IpVersion,
  type IpParseResult,
  type IpErrorCode,
} from './ip.js';
export {
  RULE_ISSUE_CODES,
  SEGMENT_RULE_MAX,
  DOMAIN_RULE_MAX,
  type RuleIssue,
  type RuleIssueCode,
  type RuleErrorCode,
  type RuleWarningCode,
} from './issues.js';
export {
  parseSegmentRule,
  parseSegmentRules,
  formatSegmentRule,
  analyseSegmentRules,
  coveredByPresets,
  type SegmentRule,
  type SegmentRuleResult,
  type ParsedSegmentRules,
} from './rules.js';
export {
  parseDomainRule,
  parseDomainRules,
  formatDomainRule,
  analyseDomainRules,
  normaliseHostname,
  type DomainRule,
  type DomainRuleResult,
  type ParsedDomainRules,
} from './domain.js';
export {
  compileSegmentMatcher,
  compileDomainMatcher,
  type SegmentMatcher,
  type DomainMatcher,
} from './match.js';
export {
  resolveSigningTarget,
  validateSigningStrategy,
  compileStrategy,
  type SigningTargetBinding,
  type SigningTargetInput,
  type ResolveOptions,
  type MatchedRule,
  type SigningTargetReason,
  type SigningTarget,
  type SigningTargetInvalid,
  type SigningTargetResult,
  type CompiledStrategy,
} from './resolve.js';
