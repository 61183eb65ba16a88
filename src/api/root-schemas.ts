/**
 * The root entry's wire schemas, schema helpers and REST route table: the very objects of
 * `./schemas.ts` and `./rest.ts` (documented there), re-declared one `const` each instead of
 * `export * from './schemas.js'`.
 *
 * Why: `createHttpHost` loads zod, the schemas and the route table on demand (`./http-contract.ts`).
 * esbuild's code splitting gives a *file* to the initial chunk when the page's entry reaches it through
 * any import or re-export of a file that is in the bundle at all; a root that re-exported
 * `schemas.js` / `rest.js` directly made every page that calls `createHttpHost` download zod and all
 * schemas up front (12 kB gzip). This module is only in a bundle when the page uses one of its exports,
 * so a page that does not reaches neither `schemas.js` nor zod from its entry. Each export is a plain
 * alias, free of side effects: a bundler drops the ones a page does not use; typed `typeof` the
 * original so the declarations point there.
 *
 * `test/node/root-schemas.test.ts` checks that the root exports every runtime export of `schemas.ts`
 * (and the route table) as the same object: add a line here with each new export there.
 */
import * as S from './schemas.js';
import * as R from './rest.js';

export type * from './schemas.js';
export type { RouteDef, RouteName } from './rest.js';

export const restRoutes: typeof R.routes = R.routes;
export const METHOD_ROUTES: typeof R.METHOD_ROUTES = R.METHOD_ROUTES;

export const AutoLoginModeSchema: typeof S.AutoLoginModeSchema = S.AutoLoginModeSchema;
export const AutoLoginSchema: typeof S.AutoLoginSchema = S.AutoLoginSchema;
export const BindingInputSchema: typeof S.BindingInputSchema = S.BindingInputSchema;
export const BindingSchema: typeof S.BindingSchema = S.BindingSchema;
export const BridgeMessageSchema: typeof S.BridgeMessageSchema = S.BridgeMessageSchema;
export const ClientContextSchema: typeof S.ClientContextSchema = S.ClientContextSchema;
export const CompanySchema: typeof S.CompanySchema = S.CompanySchema;
export const ConnectionReportSchema: typeof S.ConnectionReportSchema = S.ConnectionReportSchema;
export const ConnectionStepSchema: typeof S.ConnectionStepSchema = S.ConnectionStepSchema;
export const ContractStatusSchema: typeof S.ContractStatusSchema = S.ContractStatusSchema;
export const DateTimeSchema: typeof S.DateTimeSchema = S.DateTimeSchema;
export const ENCRYPTION_KEY_PATTERN: typeof S.ENCRYPTION_KEY_PATTERN = S.ENCRYPTION_KEY_PATTERN;
export const EncryptionKeyValueSchema: typeof S.EncryptionKeyValueSchema = S.EncryptionKeyValueSchema;
export const ErrorBodySchema: typeof S.ErrorBodySchema = S.ErrorBodySchema;
export const FramingInspectionSchema: typeof S.FramingInspectionSchema = S.FramingInspectionSchema;
export const HttpUrlSchema: typeof S.HttpUrlSchema = S.HttpUrlSchema;
export const IdSchema: typeof S.IdSchema = S.IdSchema;
export const OaVersionSchema: typeof S.OaVersionSchema = S.OaVersionSchema;
export const OptionalHttpUrlSchema: typeof S.OptionalHttpUrlSchema = S.OptionalHttpUrlSchema;
export const OrgCapabilitiesSchema: typeof S.OrgCapabilitiesSchema = S.OrgCapabilitiesSchema;
export const OrgCountSchema: typeof S.OrgCountSchema = S.OrgCountSchema;
export const OrgMatchSchema: typeof S.OrgMatchSchema = S.OrgMatchSchema;
export const OrgNodePageSchema: typeof S.OrgNodePageSchema = S.OrgNodePageSchema;
export const OrgNodeSchema: typeof S.OrgNodeSchema = S.OrgNodeSchema;
export const OrgNodeTypeSchema: typeof S.OrgNodeTypeSchema = S.OrgNodeTypeSchema;
export const OrgPathItemSchema: typeof S.OrgPathItemSchema = S.OrgPathItemSchema;
export const OrgRefSchema: typeof S.OrgRefSchema = S.OrgRefSchema;
export const OrgResolveResultSchema: typeof S.OrgResolveResultSchema = S.OrgResolveResultSchema;
export const OrgScopeRecordSchema: typeof S.OrgScopeRecordSchema = S.OrgScopeRecordSchema;
export const OrgScopeSchema: typeof S.OrgScopeSchema = S.OrgScopeSchema;
export const OrgTabSchema: typeof S.OrgTabSchema = S.OrgTabSchema;
export const PersonStatusSchema: typeof S.PersonStatusSchema = S.PersonStatusSchema;
export const PersonSyncSchema: typeof S.PersonSyncSchema = S.PersonSyncSchema;
export const ProviderProbeKindSchema: typeof S.ProviderProbeKindSchema = S.ProviderProbeKindSchema;
export const ProviderProbeSchema: typeof S.ProviderProbeSchema = S.ProviderProbeSchema;
export const ProviderSchema: typeof S.ProviderSchema = S.ProviderSchema;
export const ResourceKindSchema: typeof S.ResourceKindSchema = S.ResourceKindSchema;
export const ResourcePageSchema: typeof S.ResourcePageSchema = S.ResourcePageSchema;
export const ResourceResolveResultSchema: typeof S.ResourceResolveResultSchema =
  S.ResourceResolveResultSchema;
export const ResourceSchema: typeof S.ResourceSchema = S.ResourceSchema;
export const SegmentPresetSchema: typeof S.SegmentPresetSchema = S.SegmentPresetSchema;
export const ServiceStatusSchema: typeof S.ServiceStatusSchema = S.ServiceStatusSchema;
export const ServiceTypeSchema: typeof S.ServiceTypeSchema = S.ServiceTypeSchema;
export const SigningPageSchema: typeof S.SigningPageSchema = S.SigningPageSchema;
export const SigningSessionRequestSchema: typeof S.SigningSessionRequestSchema =
  S.SigningSessionRequestSchema;
export const SigningSessionSchema: typeof S.SigningSessionSchema = S.SigningSessionSchema;
export const SigningZoneSchema: typeof S.SigningZoneSchema = S.SigningZoneSchema;
export const SyncCountsSchema: typeof S.SyncCountsSchema = S.SyncCountsSchema;
export const SyncJobSchema: typeof S.SyncJobSchema = S.SyncJobSchema;
export const SyncProgressSchema: typeof S.SyncProgressSchema = S.SyncProgressSchema;
export const SyncReportSchema: typeof S.SyncReportSchema = S.SyncReportSchema;
export const ValidationIssueSchema: typeof S.ValidationIssueSchema = S.ValidationIssueSchema;
export const isEncryptionKey: typeof S.isEncryptionKey = S.isEncryptionKey;
export const isHttpUrl: typeof S.isHttpUrl = S.isHttpUrl;
export const pageOf: typeof S.pageOf = S.pageOf;
export const refKey: typeof S.refKey = S.refKey;
export const toValidationIssues: typeof S.toValidationIssues = S.toValidationIssues;
