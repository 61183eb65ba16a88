/**
 * Writes the REST contract as OpenAPI 3.1 (docs/contract.openapi.json) from the route table
 * (src/api/rest.ts) and the zod schemas (src/api/schemas.ts), so an OA backend team can implement it.
 *
 *   npm run contract          write the file
 *   npm run contract:check    exit 1 when the file is not what the schemas generate (CI)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import * as rest from '../src/api/rest.js';
import * as schemas from '../src/api/schemas.js';

const OUT = fileURLToPath(new URL('../docs/contract.openapi.json', import.meta.url));

const SUMMARIES: Record<rest.RouteName, string> = {
  listServices: 'List service configurations (services.list)',
  getService: 'One service configuration (services.get)',
  createService: 'Create a service; `appSecret` required (services.save without id)',
  updateService:
    'Update a service; `version` must be the one it was read at, else 409 with `current`. Omit `appSecret` to keep the stored one, except when `openApiUrl` (or the service type) changes: the stored secret is bound to the address it was entered for, so that answers 422 with issue `appSecret` / `appSecret.requiredForNewAddress` (services.save with id)',
  deleteService: 'Delete a service; a stale `version` answers 409 (services.delete)',
  testConnection:
    "Check address and credentials step by step with the form's values; the stored secret is used when `appSecret` is absent and `id` names a saved service whose `openApiUrl` is unchanged (a changed address needs the secret again: `auth.secretMissing`) (services.testConnection)",
  startSync: '同步服务商数据: start a sync job; poll it with GET /sync-jobs/{jobId} (services.sync)',
  getSyncJob: 'State and progress of a sync job (services.sync)',
  probeService:
    'Ask the provider to check what only it can: `callback` = deliver CALLBACK_CHECK to the OA callback address; `openserver` = reach the OA /openserver with the open-platform credentials (services.probe, optional; see docs/contract-e10.md)',
  createEncryptionKey: 'A new 加密密钥 (services.generateEncryptionKey)',
  getScope: 'The org sync scope of a service; version 0 when never saved (org.getScope)',
  saveScope: 'Save the sync scope; a stale `version` answers 409 with `current` (org.saveScope)',
  orgCapabilities: 'What the org picker may offer this user (org.capabilities)',
  orgChildren:
    'Children of a unit (no `type`/`id`: the root 分部), units first, then persons; paged, `limit` capped at 500 (org.children)',
  orgSearch: 'Search by name, full pinyin, pinyin initials, 工号 and login account; paged (org.search)',
  orgResolve: 'Resolve stored refs; unknown ones come back in `missing` (org.resolve)',
  orgCount: 'Live head count of a scope, part-time persons counted once (org.count)',
  orgMatch: 'Bulk entry: each input (name, 工号 or login) with its matches (org.match)',
  orgRecent: 'Recently picked nodes of the signed-in user (org.recent)',
  orgAddRecent: 'Remember picked nodes (org.addRecent)',
  orgRemoveRecent: 'Forget one recent node (org.removeRecent)',
  orgSameDepartment: "Persons in the signed-in user's department (org.sameDepartment)",
  orgSubordinates: "The signed-in user's subordinates (org.subordinates)",
  resourceCompanies: 'Companies that own seals (resources.companies)',
  resourceLastSynced: "When the provider's data was last synced (resources.lastSynced)",
  listResources: 'Seals, templates or flows of one kind; keyword, company, paged (resources.list)',
  resolveResources: 'Resolve stored resource IDs; deleted ones come back in `missing` (resources.resolve)',
  clientContext: 'What the OA server sees of this browser: client IP, OA base URL, user (client.context)',
  segmentPresets: 'Named network-segment presets of the OA (client.segmentPresets)',
  inspectFraming:
    'The OA server requests `url` and reports its framing headers (CSP frame-ancestors, X-Frame-Options) (client.inspectFraming)',
  createSigningSession:
    'A short-lived, single-use signing URL with the SSO ticket, on the internal or external signing address (`zone`); the nonce is single use (signing.createSession)',
  contractStatus: "A contract's state, to confirm what the return page said (signing.contractStatus)",
};

const ERRORS: Record<string, string> = {
  '400':
    'Malformed request: bad percent-encoding in a path ID, a query value that is not a safe non-negative integer / boolean, a body that is not JSON, URL or headers too large (431) (→ QysValidationError, `status` 400)',
  '401': 'Not signed in to the OA (→ QysAuthError)',
  '403': 'Not allowed (→ QysAuthError)',
  '404': 'Unknown ID (→ QysNotFoundError)',
  '409': 'Stale version or reused value; `error.current` carries the current record (→ QysConflictError)',
  '422':
    'Input refused; `error.issues` name the fields (dot-joined paths) with message codes (→ QysValidationError)',
  '500': 'Server failure (→ QysServerError); GETs are retried with backoff',
};

export function generate(): string {
  const registry = z.registry<{ id: string }>();
  const named = new Map<unknown, string>();
  const add = (schema: unknown, id: string) => {
    if (named.has(schema)) return named.get(schema)!;
    registry.add(schema as z.ZodMiniType, { id });
    named.set(schema, id);
    return id;
  };
  for (const mod of [schemas, rest])
    for (const [name, value] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b)))
      if (name.endsWith('Schema') && value instanceof z.ZodMiniType)
        add(value, name.slice(0, -'Schema'.length));

  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, def] of Object.entries(rest.routes) as [rest.RouteName, rest.RouteDef][]) {
    const parameters = [
      ...[...def.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: m[1] === 'kind' ? ref('ResourceKind') : { type: 'string' },
      })),
      ...Object.entries(def.query ?? {}).map(([q, type]) => ({
        name: q,
        in: 'query',
        required: false,
        schema: type === 'list' ? { type: 'string', description: 'comma-separated list' } : { type },
      })),
    ];
    const status = String(def.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: def.res
        ? {
            description: 'OK',
            content: { 'application/json': { schema: ref(add(def.res, `${cap(name)}Response`)) } },
          }
        : { description: 'No content' },
    };
    for (const code of Object.keys(ERRORS)) responses[code] = { $ref: `#/components/responses/E${code}` };
    paths[def.path] ??= {};
    paths[def.path]![def.method.toLowerCase()] = {
      operationId: name,
      summary: SUMMARIES[name],
      ...(parameters.length ? { parameters } : {}),
      ...(def.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(add(def.body, `${cap(name)}Body`)) } },
            },
          }
        : {}),
      responses,
    };
  }

  const { schemas: components } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'input',
    unrepresentable: 'any',
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(components)) {
    delete s.$schema;
    delete s.$id;
  }
  const sorted = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };

  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'qys-elements host contract',
      version: pkg.version,
      description:
        'The REST API an OA backend implements for createHttpHost({ baseUrl }). Generated from src/api/rest.ts and ' +
        'src/api/schemas.ts by `npm run contract`; do not edit by hand. IDs are strings. Errors answer with ' +
        '`ErrorBody`. Validation messages are message codes (`required`, `url.protocol`, …) that the elements localise. ' +
        'The App Secret is write-only: it is accepted in request bodies and never returned. ' +
        'The OA also serves the signing return page (the SSO ticket `returnUrl`), which posts ' +
        "`BridgeMessage` to window.parent (or window.opener) with the OA's origin as target.",
    },
    paths,
    components: {
      schemas: sorted,
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([code, description]) => [
          `E${code}`,
          { description, content: { 'application/json': { schema: ref('ErrorBody') } } },
        ]),
      ),
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generate();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(
        'docs/contract.openapi.json is stale: it does not match src/api/rest.ts and src/api/schemas.ts. Run `npm run contract` and commit the result.',
      );
      process.exit(1);
    }
    console.log('docs/contract.openapi.json is up to date.');
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote docs/contract.openapi.json (${Object.keys(JSON.parse(text).paths).length} paths)`);
  }
}
