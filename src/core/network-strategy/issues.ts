/**
 * Problems found in a rule list. `code` is a message code of the network-strategy catalogue
 * (`ruleIssueText()` in the editor's messages module localises it, zh-CN and en); `index` is the
 * 0-based position of the rule in its list; `related` is the other rule a warning refers to.
 */
export type RuleErrorCode =
  | 'rule.empty'
  | 'rule.tooLong'
  | 'ip.invalid'
  | 'ip.leadingZero'
  | 'ip.octetRange'
  | 'ip.zoneId'
  | 'segment.invalid'
  | 'segment.wildcard'
  | 'segment.isDomain'
  | 'cidr.prefix'
  | 'range.reversed'
  | 'range.mixedVersions'
  | 'domain.scheme'
  | 'domain.path'
  | 'domain.userinfo'
  | 'domain.isSegment'
  | 'domain.wildcardPosition'
  | 'domain.wildcardAll'
  | 'domain.wildcardIp'
  | 'domain.label'
  | 'domain.labelLength'
  | 'domain.tooLong'
  | 'domain.port';

export type RuleWarningCode =
  | 'cidr.hostBits'
  | 'rule.duplicate'
  | 'rule.contained'
  | 'rule.overlap'
  | 'segment.everything'
  | 'domain.coveredByWildcard'
  | 'rule.coveredByPreset';

export type RuleIssueCode = RuleErrorCode | RuleWarningCode;

export interface RuleIssue {
  /** 0-based position of the rule in its list. */
  index: number;
  severity: 'error' | 'warning';
  code: RuleIssueCode;
  /** The other rule a warning refers to (0-based). */
  related?: number;
  /** Values for the message placeholders (`{network}`, `{other}`, `{max}`). */
  params?: Record<string, string | number>;
}

/** Every code, for catalogue completeness tests and documentation. */
export const RULE_ISSUE_CODES: readonly RuleIssueCode[] = [
  'rule.empty',
  'rule.tooLong',
  'ip.invalid',
  'ip.leadingZero',
  'ip.octetRange',
  'ip.zoneId',
  'segment.invalid',
  'segment.wildcard',
  'segment.isDomain',
  'cidr.prefix',
  'range.reversed',
  'range.mixedVersions',
  'domain.scheme',
  'domain.path',
  'domain.userinfo',
  'domain.isSegment',
  'domain.wildcardPosition',
  'domain.wildcardAll',
  'domain.wildcardIp',
  'domain.label',
  'domain.labelLength',
  'domain.tooLong',
  'domain.port',
  'cidr.hostBits',
  'rule.duplicate',
  'rule.contained',
  'rule.overlap',
  'segment.everything',
  'domain.coveredByWildcard',
  'rule.coveredByPreset',
];

/** Rule length limits (same as the `AutoLoginSchema` wire limits). */
export const SEGMENT_RULE_MAX = 200;
export const DOMAIN_RULE_MAX = 260;
