// Conformance: every endpoint of the real private-cloud API that /work/shared/qiyuesuo-real-api.md
// documents (docs/simulator-api.md), called on the simulator the way a real client calls it —
// Weaver's User-Agent, `x-qys-timestamp: 0` with its fixed signature, the documented parameters —
// and checked for the documented answer keys and shapes. A PHP client signing like Weaver's
// integration calls /contract/categories too (skipped when php-cli with curl is not installed).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';
import { SIMULATOR_DEFAULT_APP as APP, SIMULATOR_TEST_USER as USER } from '../../dev/simulator/defaults.js';

let sim: Simulator;
before(async () => {
  sim = await startSimulator({
    host: '127.0.0.1',
    ports: { openApi: 0, signing: 0, console: 0 },
    quiet: true,
  });
});
after(() => sim.stop());

/** The headers Weaver's QiyuesuoOpenApiService sends: timestamp 0, md5(token + secret + "0"). */
const weaverHeaders = () => ({
  'x-qys-accesstoken': APP.appToken,
  'x-qys-timestamp': '0',
  'x-qys-signature': createHash('md5').update(`${APP.appToken}${APP.appSecret}0`).digest('hex'),
  'user-agent': 'privateapp-java-client',
});

type Json = Record<string, unknown>;

async function call(method: 'GET' | 'POST', path: string, body?: Json): Promise<Json> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { ...weaverHeaders(), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  assert.equal(res.status, 200, `${method} ${path}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const json = (await res.json()) as Json;
  assert.equal(json.code, 0, `${path}: ${String(json.message)}`);
  assert.equal(json.message, 'SUCCESS');
  return json;
}

const ID = /^\d{19}$/;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function has(
  obj: unknown,
  shape: Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array' | RegExp>,
  where: string,
) {
  assert.ok(obj && typeof obj === 'object', `${where}: an object`);
  const o = obj as Json;
  for (const [k, t] of Object.entries(shape)) {
    const v = o[k];
    if (t instanceof RegExp) assert.match(String(v), t, `${where}.${k}`);
    else if (t === 'array') assert.ok(Array.isArray(v), `${where}.${k} is an array`);
    else assert.equal(typeof v, t, `${where}.${k} is ${t}`);
  }
}

/** The answer carries exactly the documented payload key(s) next to code and message. */
function keys(json: Json, ...payload: string[]) {
  assert.deepEqual(Object.keys(json).sort(), ['code', 'message', ...payload].sort());
}

describe('simulator conformance with the documented private-cloud API', () => {
  it('GET /checkHealth → plain text OK', async () => {
    const res = await fetch(`${sim.url}/checkHealth`, {
      headers: { 'user-agent': 'privateapp-java-client' },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await res.text(), 'OK');
  });

  it('GET /company/list (tenantType) → result[] {id, name, tenantType, status, parentId}', async () => {
    const all = await call('GET', '/company/list');
    keys(all, 'result');
    const list = all.result as Json[];
    assert.ok(list.length >= 2);
    for (const c of list)
      has(
        c,
        { id: ID, name: 'string', tenantType: /^(CORPORATE|INNER_COMPANY)$/, status: 'string' },
        'company',
      );
    assert.ok(list.filter((c) => c.tenantType === 'INNER_COMPANY').every((c) => ID.test(String(c.parentId))));
    const inner = (await call('GET', '/company/list?tenantType=INNER_COMPANY')).result as Json[];
    assert.ok(inner.length > 0 && inner.every((c) => c.tenantType === 'INNER_COMPANY'));
  });

  it('GET /seal/innercompany/seallist (category ELECTRONIC default, PHYSICS) → result[] {id, name, status, charger, seals[]}', async () => {
    for (const [query, category] of [
      ['', 'ELECTRONIC'],
      ['?category=ELECTRONIC', 'ELECTRONIC'],
      ['?category=PHYSICS', 'PHYSICS'],
    ] as const) {
      const json = await call('GET', `/seal/innercompany/seallist${query}`);
      keys(json, 'result');
      const companies = json.result as Json[];
      assert.ok(companies.length > 0);
      let seals = 0;
      for (const c of companies) {
        has(c, { id: ID, name: 'string', status: 'string', charger: 'string', seals: 'array' }, 'company');
        for (const s of c.seals as Json[]) {
          seals++;
          has(s, { id: ID, name: 'string', category: new RegExp(`^${category}$`), status: 'object' }, 'seal');
          has(s.status, { key: /^(NORMAL|FREEZE|DELETE|INVALID)$/, description: 'string' }, 'seal.status');
        }
      }
      assert.ok(seals > 0, `some ${category} seals`);
    }
  });

  it('GET /seal/list (companyId / companyName, category) → result[] of seals with status objects', async () => {
    const companies = (await call('GET', '/company/list')).result as Json[];
    const company = companies[1]!;
    for (const q of [`companyId=${company.id}`, `companyName=${encodeURIComponent(String(company.name))}`]) {
      for (const category of ['ELECTRONIC', 'PHYSICS']) {
        const json = await call('GET', `/seal/list?${q}&category=${category}`);
        keys(json, 'result');
        const seals = json.result as Json[];
        assert.ok(seals.length > 0);
        for (const s of seals) {
          has(
            s,
            {
              id: ID,
              owner: ID,
              name: 'string',
              otherName: 'string',
              type: /^(COMPANY|PERSONAL|LP)$/,
              spec: 'object',
              sealKey: 'string',
              createTime: TIME,
              status: 'object',
              useCount: 'number',
              category: new RegExp(`^${category}$`),
            },
            'seal',
          );
          assert.equal(s.owner, company.id);
          has(s.status, { key: /^(NORMAL|FREEZE|DELETE|INVALID)$/, description: 'string' }, 'seal.status');
        }
      }
    }
  });

  it('GET /seal/image?sealId= → an image/png body (lists carry no inline image)', async () => {
    const seals = (await call('GET', '/seal/list')).result as Json[];
    assert.ok(seals.every((s) => !('image' in s)));
    const res = await fetch(`${sim.url}/seal/image?sealId=${seals[0]!.id}`, { headers: weaverHeaders() });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const png = Buffer.from(await res.arrayBuffer());
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  });

  it('GET /template/list (pageNo 1, pageSize 10 by default) → result[] {id, title, status 1/0/2, …} + page{}', async () => {
    const first = await call('GET', '/template/list');
    keys(first, 'result', 'page');
    has(
      first.page,
      { pageNo: 'number', pageSize: 'number', totalCount: 'number', totalPages: 'number' },
      'page',
    );
    const page = first.page as { pageNo: number; pageSize: number; totalCount: number; totalPages: number };
    assert.deepEqual([page.pageNo, page.pageSize], [1, 10]);
    assert.equal(page.totalPages, Math.ceil(page.totalCount / 10));
    for (const t of first.result as Json[])
      has(
        t,
        {
          id: ID,
          title: 'string',
          status: 'number',
          templateType: /^(WORD|HTML)$/,
          tenantId: ID,
          createTime: TIME,
          updateTime: TIME,
        },
        'template',
      );
    assert.ok((first.result as Json[]).every((t) => [0, 1, 2].includes(t.status as number)));
    const second = await call('GET', '/template/list?pageNo=2&pageSize=10');
    assert.notDeepEqual(
      (second.result as Json[]).map((t) => t.id),
      (first.result as Json[]).map((t) => t.id),
    );
    const word = (await call('GET', '/template/list?type=WORD&pageSize=100')).result as Json[];
    assert.ok(word.length > 0 && word.every((t) => t.templateType === 'WORD'));
  });

  it('GET /contract/categories (companyId / companyName, none: all enabled) → categories[], unpaged', async () => {
    const all = await call('GET', '/contract/categories');
    keys(all, 'categories');
    const list = all.categories as Json[];
    assert.ok(list.length > 0);
    for (const c of list)
      has(
        c,
        {
          id: ID,
          name: 'string',
          tenantId: ID,
          createTime: TIME,
          primary: 'boolean',
          state: 'number',
          type: /^(ELECTRONIC|PHYSICAL)$/,
        },
        'category',
      );
    assert.ok(
      list.every((c) => c.state === 0),
      'without a company: the enabled ones',
    );
    assert.ok(list.some((c) => c.type === 'PHYSICAL') && list.some((c) => c.type === 'ELECTRONIC'));
    const companies = (await call('GET', '/company/list')).result as Json[];
    let disabled = 0;
    for (const company of companies) {
      const own = (await call('GET', `/contract/categories?companyId=${company.id}`)).categories as Json[];
      assert.ok(own.every((c) => c.tenantId === company.id && [0, 1, 2].includes(c.state as number)));
      disabled += own.filter((c) => c.state === 1).length;
      const byName = (
        await call('GET', `/contract/categories?companyName=${encodeURIComponent(String(company.name))}`)
      ).categories;
      assert.deepEqual(byName, own);
    }
    assert.ok(disabled > 0, 'a company lists its 停用 categories too');
  });

  it('GET /contract/categorygroup/list (companyId / companyName) → groups with categoryList[] {id, name, type, state}; /contract/categorydetail', async () => {
    const json = await call('GET', '/contract/categorygroup/list');
    keys(json, 'result');
    const groups = json.result as Json[];
    assert.ok(groups.length > 0);
    const types = new Set<string>();
    for (const g of groups) {
      has(g, { id: ID, name: 'string', categoryList: 'array' }, 'group');
      for (const c of g.categoryList as Json[]) {
        has(
          c,
          { id: ID, name: 'string', type: /^(ELECTRONIC|PHYSICAL)$/, state: 'number' },
          'group.category',
        );
        types.add(String(c.type));
      }
    }
    assert.deepEqual([...types].sort(), ['ELECTRONIC', 'PHYSICAL']);
    const companies = (await call('GET', '/company/list')).result as Json[];
    const own = (await call('GET', `/contract/categorygroup/list?companyId=${companies[0]!.id}`))
      .result as Json[];
    assert.ok(own.every((g) => g.tenantId === companies[0]!.id));
    const first = ((groups[0]!.categoryList as Json[])[0] as Json).id;
    const detail = await call('GET', `/contract/categorydetail?categoryId=${first}`);
    keys(detail, 'result');
    has(detail.result, { id: ID, name: 'string', type: 'string', state: 'number' }, 'category');
  });

  it('GET /contract/detail (contractId / bizId) → contract{} with a real status and yyyy-MM-dd HH:mm:ss times', async () => {
    const list = ((await call('GET', '/contract/list')).result as Json).contractList as Json[];
    const id = String(list[0]!.id);
    const json = await call('GET', `/contract/detail?contractId=${id}`);
    keys(json, 'contract');
    const c = json.contract as Json;
    has(
      c,
      {
        id: ID,
        bizId: 'string',
        subject: 'string',
        sn: 'string',
        status:
          /^(DRAFT|SIGNING|COMPLETE|REJECTED|RECALLED|EXPIRED|FILLING|TERMINATING|TERMINATED|DELETE|FINISHED)$/,
        categoryId: ID,
        categoryName: 'string',
        tenantName: 'string',
        createTime: TIME,
        updateTime: TIME,
        expireTime: TIME,
        documents: 'array',
        signatories: 'array',
      },
      'contract',
    );
    for (const s of c.signatories as Json[])
      has(s, { tenantType: 'string', tenantName: 'string', status: 'string', actions: 'array' }, 'signatory');
    const byBiz = await call('GET', `/contract/detail?bizId=${encodeURIComponent(String(c.bizId))}`);
    assert.equal((byBiz.contract as Json).id, id);
  });

  it('GET /contract/list (selectOffset 0, selectLimit 1000) → result{totalCount, contractList[]}', async () => {
    const json = await call('GET', '/contract/list');
    keys(json, 'result');
    has(json.result, { totalCount: 'number', contractList: 'array' }, 'result');
    const r = json.result as { totalCount: number; contractList: Json[] };
    assert.equal(r.contractList.length, r.totalCount);
    const paged = (await call('GET', '/contract/list?selectOffset=1&selectLimit=2')).result as typeof r;
    assert.equal(paged.totalCount, r.totalCount);
    assert.deepEqual(
      paged.contractList.map((c) => c.id),
      r.contractList.slice(1, 3).map((c) => c.id),
    );
  });

  it('POST /contract/signurl (JSON: contractId, tenantType, contact, expireTime, callbackPage) → signUrl on the signing app', async () => {
    const list = ((await call('GET', '/contract/list')).result as Json).contractList as Json[];
    const json = await call('POST', '/contract/signurl', {
      contractId: list[0]!.id,
      tenantType: 'PERSONAL',
      contact: USER.mobile,
      expireTime: 300,
      callbackPage: 'https://oa.example.com/qys-return?nonce=abc',
    });
    keys(json, 'signUrl');
    const url = new URL(String(json.signUrl));
    assert.equal(url.origin, sim.urls.signing);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /data-qys-page="sign"/);
    const byBiz = await call('POST', '/contract/signurl', { bizId: list[0]!.bizId, contact: USER.mobile });
    keys(byBiz, 'signUrl');
  });

  it('GET /contract/viewurl (contractId, expireTime, pageType DETAIL / CONTENT) → viewUrl', async () => {
    const list = ((await call('GET', '/contract/list')).result as Json).contractList as Json[];
    for (const pageType of ['DETAIL', 'CONTENT']) {
      const json = await call(
        'GET',
        `/contract/viewurl?contractId=${list[0]!.id}&expireTime=1800&pageType=${pageType}`,
      );
      keys(json, 'viewUrl');
      const page = await fetch(String(json.viewUrl));
      assert.match(await page.text(), /data-qys-page="view"/);
    }
  });

  it('IDs are 19-digit strings in every answer (never JSON numbers that lose digits)', async () => {
    const text = await (
      await fetch(`${sim.url}/seal/innercompany/seallist`, { headers: weaverHeaders() })
    ).text();
    assert.doesNotMatch(text, /:\s*\d{16,}[,}]/);
  });

  it(
    'a PHP client signing like Weaver (curl, timestamp 0) gets /contract/categories',
    { skip: !phpWithCurl() },
    async () => {
      const php = `<?php
$token = $argv[1]; $secret = $argv[2]; $url = $argv[3];
$ts = '0';
$headers = ['x-qys-accesstoken: ' . $token, 'x-qys-timestamp: ' . $ts, 'x-qys-signature: ' . md5($token . $secret . $ts), 'User-Agent: privateapp-java-client'];
$ch = curl_init($url . '/contract/categories');
curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$body = curl_exec($ch);
$json = json_decode($body, true);
echo json_encode(['code' => $json['code'], 'message' => $json['message'], 'n' => count($json['categories'])]);
`;
      // Asynchronously: the simulator answers from this same process.
      const r = await promisify(execFile)(
        'php',
        ['-r', php.replace(/^<\?php\n/, ''), '--', APP.appToken, APP.appSecret, sim.url],
        { encoding: 'utf8', timeout: 20_000 },
      );
      const out = JSON.parse(r.stdout) as { code: number; message: string; n: number };
      assert.equal(out.code, 0);
      assert.equal(out.message, 'SUCCESS');
      assert.ok(out.n > 0);
    },
  );
});

function phpWithCurl(): boolean {
  const r = spawnSync('php', ['-r', 'echo function_exists("curl_init") ? "yes" : "no";'], {
    encoding: 'utf8',
  });
  return r.status === 0 && r.stdout === 'yes';
}
