/**
 * The simulator's open API (its own origin, default port 9182): the private-cloud paths, parameters and
 * answer keys of the official API document (/work/shared/qiyuesuo-real-api.md, docs/simulator-api.md).
 * Answers are HTTP 200 with `{ code, message, <key> }`; `/checkHealth` answers plain `OK`; a bad
 * parameter is code 1000001 (参数错误), never an HTTP 500.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyOpenApiSignature } from './crypto.js';
import type { Category, Contract, Dataset, Seal, SealKind, Template } from './data.js';
import type { SimulatorApp } from './defaults.js';
import type { Deployment } from './deployment.js';
import { sealPng } from './png.js';

/** Simulator's choice (the real private-cloud auth codes are not public): see docs/simulator-api.md. */
export const AUTH_CODES = { missingHeader: 1001, unknownToken: 1002, badSignature: 1003, stale: 1004 };
export const PARAM_ERROR = 1000001;
/** Simulator's choice: a named record does not exist. */
export const NOT_FOUND = 1404;

const MAX_BODY = 100_000;

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time (UTC+8), no zone: what the real API sends. */
export function qysTime(iso: string | number): string {
  const t = new Date(typeof iso === 'number' ? iso : Date.parse(iso) + 0);
  const d = new Date(t.getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const SEAL_STATUS = {
  NORMAL: { key: 'NORMAL', description: '正常' },
  FREEZE: { key: 'FREEZE', description: '冻结' },
  INVALID: { key: 'INVALID', description: '失效' },
  DELETE: { key: 'DELETE', description: '删除' },
} as const;

function companyOf(data: Dataset, name: string) {
  return data.companies.find((c) => c.name === name);
}

export function sealJson(data: Dataset, s: Seal) {
  const n = Number(BigInt(s.id) % 7n);
  // A disabled seal is frozen, or (for some) invalid: both are 停用 for an OA.
  const status =
    s.status === 'NORMAL' ? SEAL_STATUS.NORMAL : n % 2 ? SEAL_STATUS.INVALID : SEAL_STATUS.FREEZE;
  void data;
  return {
    id: s.id,
    owner: s.companyId,
    ownerName: s.companyName,
    name: s.name,
    otherName: '',
    type: 'COMPANY',
    spec: { shape: s.category === 'ELECTRONIC' ? 'CIRCLE' : 'SQUARE', width: 42, height: 42 },
    sealKey: `SK${s.id.slice(-8)}`,
    createTime: qysTime(s.createTime),
    status,
    useCount: Number(BigInt(s.id) % 97n),
    category: s.category === 'ELECTRONIC' ? 'ELECTRONIC' : 'PHYSICS',
  };
}

export function templateJson(data: Dataset, t: Template, i: number) {
  return {
    id: t.id,
    title: t.name,
    status: t.status === 'NORMAL' ? 1 : 0,
    templateType: i % 3 === 2 ? 'HTML' : 'WORD',
    tenantId: companyOf(data, t.companyName)?.id ?? '',
    tenantName: t.companyName,
    createTime: qysTime(t.updateTime),
    updateTime: qysTime(t.updateTime),
  };
}

export function categoryJson(data: Dataset, c: Category) {
  return {
    id: c.id,
    name: c.name,
    tenantId: companyOf(data, c.companyName)?.id ?? '',
    tenantName: c.companyName,
    createTime: qysTime(c.updateTime),
    primary: false,
    state: c.status === 'NORMAL' ? 0 : 1,
    type: c.type,
  };
}

export function contractJson(data: Dataset, c: Contract) {
  const company = companyOf(data, c.companyName);
  const signed = c.status === 'COMPLETE';
  return {
    id: c.id,
    bizId: `BIZ-${c.id}`,
    subject: c.subject,
    sn: `HT${c.id.slice(-10)}`,
    status: c.status,
    categoryId: c.categoryId ?? '',
    categoryName: c.categoryName ?? '',
    tenantName: c.companyName,
    createTime: qysTime(c.createTime),
    updateTime: qysTime(c.updateTime),
    expireTime: qysTime(Date.parse(c.createTime) + 30 * 86_400_000),
    documents: [{ id: `${c.id.slice(0, -1)}1`, title: c.subject, pages: 1 }],
    signatories: [
      {
        tenantType: 'COMPANY',
        tenantId: company?.id ?? '',
        tenantName: c.companyName,
        status: signed ? 'SIGNED' : c.status === 'REJECTED' ? 'REJECTED' : 'SIGNING',
        ...(c.operator ? { contact: c.operator } : {}),
        actions: [{ type: 'CORPORATE', name: '企业签章', status: signed ? 'SIGNED' : 'WAITING' }],
      },
    ],
    ...(c.rejectReason ? { comments: c.rejectReason } : {}),
  };
}

export class ParamError extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ParamError('请求体过大'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface OpenApiContext {
  /** Origin of the signing web app as this request sees it (the same host name, its own port). */
  signingOrigin(req: IncomingMessage): string;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function checkAuth(
  req: IncomingMessage,
  d: Deployment,
): { code: number; message: string; app?: SimulatorApp } {
  for (const name of ['x-qys-accesstoken', 'x-qys-timestamp', 'x-qys-signature']) {
    if (!header(req, name)) return { code: AUTH_CODES.missingHeader, message: `缺少请求头 ${name}` };
  }
  const token = header(req, 'x-qys-accesstoken') as string;
  const timestamp = header(req, 'x-qys-timestamp') as string;
  const signature = header(req, 'x-qys-signature') as string;
  const app = d.apps.find((a) => a.appToken === token);
  if (!app) return { code: AUTH_CODES.unknownToken, message: 'AccessToken 无效（未知的 App Token）' };
  if (!/^\d{1,16}$/.test(timestamp))
    return { code: AUTH_CODES.stale, message: '请求时间戳无效（应为毫秒数）' };
  if (d.timestampWindowMs !== null && Math.abs(Date.now() - Number(timestamp)) > d.timestampWindowMs) {
    return {
      code: AUTH_CODES.stale,
      message: `请求时间戳已过期（与服务器时间相差超过 ${Math.round(d.timestampWindowMs / 1000)} 秒）`,
    };
  }
  if (!verifyOpenApiSignature(app.appToken, app.appSecret, timestamp, signature)) {
    return { code: AUTH_CODES.badSignature, message: '签名校验失败（App Secret 不正确）' };
  }
  return { code: 0, message: 'SUCCESS', app };
}

/** Handles one open-API request; answers `false` when the path is not an open-API path. */
export async function handleOpenApi(
  req: IncomingMessage,
  res: ServerResponse,
  d: Deployment,
  path: string,
  url: URL,
  ctx: OpenApiContext,
): Promise<void> {
  const method = req.method ?? 'GET';
  const send = (code: number, message: string, payload: Record<string, unknown> = {}) => {
    d.recordCall(method, path, code);
    const text = JSON.stringify({ code, message, ...payload });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };
  const q = (name: string) => {
    const v = url.searchParams.get(name);
    return v === null || v === '' ? undefined : v;
  };
  const paramError = (what: string) => send(PARAM_ERROR, `参数错误：${what}`);

  if (path === '/checkHealth' && (method === 'GET' || method === 'HEAD')) {
    d.recordCall(method, path, 0);
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('OK');
    return;
  }
  const routes: Record<string, string> = {
    '/company/list': 'GET',
    '/seal/innercompany/seallist': 'GET',
    '/seal/list': 'GET',
    '/seal/image': 'GET',
    '/template/list': 'GET',
    '/contract/categories': 'GET',
    '/contract/categorygroup/list': 'GET',
    '/contract/categorydetail': 'GET',
    '/contract/detail': 'GET',
    '/contract/list': 'GET',
    '/contract/viewurl': 'GET',
    '/contract/signurl': 'POST',
  };
  const expected = routes[path];
  if (!expected) {
    d.recordCall(method, path, NOT_FOUND);
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ code: NOT_FOUND, message: `接口不存在：${path}` }));
    return;
  }
  if (method !== expected) {
    d.recordCall(method, path, PARAM_ERROR);
    res.writeHead(405, {
      'content-type': 'application/json; charset=utf-8',
      allow: expected,
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify({ code: PARAM_ERROR, message: `请求方法错误：应为 ${expected}` }));
    return;
  }
  const auth = checkAuth(req, d);
  if (auth.code !== 0) return send(auth.code, auth.message);
  const data = d.data;

  /** `companyId` / `companyName` → the company, `null` for none given, `undefined` for an unknown one. */
  const company = () => {
    const id = q('companyId') ?? q('tenantId');
    const name = q('companyName') ?? q('tenantName');
    if (id === undefined && name === undefined) return null;
    return data.companies.find(
      (c) => (id === undefined || c.id === id) && (name === undefined || c.name === name),
    );
  };
  const sealKind = (): SealKind | 'bad' => {
    const c = q('category') ?? 'ELECTRONIC';
    return c === 'ELECTRONIC' ? 'ELECTRONIC' : c === 'PHYSICS' ? 'PHYSICAL' : 'bad';
  };
  const intParam = (name: string, def: number, min: number, max: number): number | undefined => {
    const raw = q(name);
    if (raw === undefined) return def;
    if (!/^\d{1,9}$/.test(raw)) return undefined;
    const n = Number(raw);
    return n < min || n > max ? undefined : n;
  };
  const contractFrom = (params: { contractId?: unknown; bizId?: unknown }) => {
    const id =
      typeof params.contractId === 'string' || typeof params.contractId === 'number'
        ? String(params.contractId)
        : '';
    const biz = typeof params.bizId === 'string' ? params.bizId : '';
    if (!id && !biz) return 'missing' as const;
    return data.contracts.find((c) => (id ? c.id === id : `BIZ-${c.id}` === biz)) ?? ('unknown' as const);
  };

  switch (path) {
    case '/company/list': {
      const type = q('tenantType');
      if (type !== undefined && !['CORPORATE', 'COMPANY', 'INNER_COMPANY'].includes(type))
        return paramError('tenantType');
      const root = data.companies[0];
      const list = data.companies.filter(
        (c) => type === undefined || type === 'COMPANY' || c.tenantType === type,
      );
      return send(0, 'SUCCESS', {
        result: list.map((c) => ({
          id: c.id,
          name: c.name,
          tenantType: c.tenantType,
          status: 'AUTH_SUCCESS',
          ...(c.tenantType === 'INNER_COMPANY' && root ? { parentId: root.id } : {}),
        })),
      });
    }
    case '/seal/innercompany/seallist': {
      const kind = sealKind();
      if (kind === 'bad') return paramError('category（PHYSICS 或 ELECTRONIC）');
      return send(0, 'SUCCESS', {
        result: data.companies.map((c) => ({
          id: c.id,
          name: c.name,
          status: 'AUTH_SUCCESS',
          charger: '管理员',
          seals: data.seals
            .filter((s) => s.companyId === c.id && s.category === kind)
            .map((s) => sealJson(data, s)),
        })),
      });
    }
    case '/seal/list': {
      const kind = sealKind();
      if (kind === 'bad') return paramError('category（PHYSICS 或 ELECTRONIC）');
      const c = company();
      if (c === undefined) return send(NOT_FOUND, '公司不存在');
      // No company named: the platform company's seals (simulator's choice).
      const owner = c ?? data.companies[0];
      const list = data.seals
        .filter((s) => s.companyId === owner?.id && s.category === kind)
        .map((s) => sealJson(data, s));
      return send(0, 'SUCCESS', { [d.sealListKey]: list });
    }
    case '/seal/image': {
      const id = q('sealId');
      if (!id) return paramError('sealId');
      const seal = data.seals.find((s) => s.id === id);
      if (!seal) return send(NOT_FOUND, '印章不存在');
      d.recordCall(method, path, 0);
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(sealPng(seal.id, seal.category));
      return;
    }
    case '/template/list': {
      const pageNo = intParam('pageNo', 1, 1, 1_000_000);
      if (pageNo === undefined) return paramError('pageNo');
      const pageSize = intParam('pageSize', 10, 1, 1000);
      if (pageSize === undefined) return paramError('pageSize');
      const type = q('type') ?? 'ALL';
      if (!['ALL', 'WORD', 'HTML'].includes(type)) return paramError('type（ALL、WORD 或 HTML）');
      const c = company();
      if (c === undefined) return send(NOT_FOUND, '公司不存在');
      const all = data.templates
        .map((t, i) => templateJson(data, t, i))
        .filter((t) => (type === 'ALL' || t.templateType === type) && (!c || t.tenantId === c.id));
      const start = (pageNo - 1) * pageSize;
      return send(0, 'SUCCESS', {
        result: all.slice(start, start + pageSize),
        page: {
          pageNo,
          pageSize,
          totalCount: all.length,
          totalPages: Math.ceil(all.length / pageSize),
        },
      });
    }
    case '/contract/categories': {
      const c = company();
      if (c === undefined) return send(NOT_FOUND, '公司不存在');
      // No company named: every enabled category; a company: all of its own, disabled ones included.
      const list = data.categories
        .map((x) => categoryJson(data, x))
        .filter((x) => (c ? x.tenantId === c.id : x.state === 0));
      return send(0, 'SUCCESS', { categories: list });
    }
    case '/contract/categorygroup/list': {
      const c = company();
      if (c === undefined) return send(NOT_FOUND, '公司不存在');
      // Groups by kind, per company (simulator's choice: the real grouping is configured in the console).
      const groups: Array<Record<string, unknown>> = [];
      for (const owner of c ? [c] : data.companies) {
        for (const [type, name] of [
          ['ELECTRONIC', '电子用印'],
          ['PHYSICAL', '物理用印'],
        ] as const) {
          const categoryList = data.categories
            .map((x) => categoryJson(data, x))
            .filter((x) => x.tenantId === owner.id && x.type === type);
          if (categoryList.length)
            groups.push({
              id: `${owner.id.slice(0, -1)}${type === 'ELECTRONIC' ? 1 : 2}`,
              name,
              tenantId: owner.id,
              categoryList,
            });
        }
      }
      return send(0, 'SUCCESS', { result: groups });
    }
    case '/contract/categorydetail': {
      const id = q('categoryId');
      if (!id) return paramError('categoryId');
      const found = data.categories.find((x) => x.id === id);
      if (!found) return send(NOT_FOUND, '业务分类不存在');
      return send(0, 'SUCCESS', { result: categoryJson(data, found) });
    }
    case '/contract/detail': {
      const c = contractFrom({ contractId: q('contractId'), bizId: q('bizId') });
      if (c === 'missing') return paramError('contractId 或 bizId');
      if (c === 'unknown') return send(NOT_FOUND, '合同不存在');
      return send(0, 'SUCCESS', { contract: contractJson(data, c) });
    }
    case '/contract/list': {
      const offset = intParam('selectOffset', 0, 0, 100_000_000);
      if (offset === undefined) return paramError('selectOffset');
      const limit = intParam('selectLimit', 1000, 1, 1000);
      if (limit === undefined) return paramError('selectLimit');
      const c = company();
      if (c === undefined) return send(NOT_FOUND, '公司不存在');
      const all = data.contracts.filter((x) => !c || x.companyName === c.name);
      return send(0, 'SUCCESS', {
        result: {
          totalCount: all.length,
          contractList: all.slice(offset, offset + limit).map((x) => contractJson(data, x)),
        },
      });
    }
    case '/contract/viewurl': {
      const c = contractFrom({ contractId: q('contractId'), bizId: q('bizId') });
      if (c === 'missing') return paramError('contractId 或 bizId');
      if (c === 'unknown') return send(NOT_FOUND, '合同不存在');
      const pageType = q('pageType') ?? 'DETAIL';
      if (pageType !== 'DETAIL' && pageType !== 'CONTENT') return paramError('pageType（DETAIL 或 CONTENT）');
      const seconds = intParam('expireTime', 1800, 300, 259_200);
      if (seconds === undefined) return paramError('expireTime（300–259200 秒）');
      const session = d.openSession({ userId: '', contractId: c.id, view: true }, Date.now(), seconds * 1000);
      return send(0, 'SUCCESS', {
        viewUrl: `${ctx.signingOrigin(req)}${d.base}/view?viewToken=${session.id}`,
      });
    }
    case '/contract/signurl': {
      if (!/^application\/json\s*(;|$)/i.test(header(req, 'content-type') ?? ''))
        return paramError('请求体应为 JSON（Content-Type: application/json）');
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse((await readBody(req)) || '{}');
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return paramError('请求体');
        body = parsed as Record<string, unknown>;
      } catch (e) {
        return paramError(e instanceof ParamError ? e.message : '请求体不是 JSON');
      }
      const c = contractFrom(body);
      if (c === 'missing') return paramError('contractId 或 bizId');
      if (c === 'unknown') return send(NOT_FOUND, '合同不存在');
      const tenantType = body.tenantType ?? 'PERSONAL';
      if (tenantType !== 'PERSONAL' && tenantType !== 'COMPANY') return paramError('tenantType');
      const contact = typeof body.contact === 'string' ? body.contact : '';
      if (!contact) return paramError('contact');
      const user = d.user(contact);
      if (!user) return send(NOT_FOUND, `用户不存在：${contact}`);
      const expire = body.expireTime ?? 1800;
      if (typeof expire !== 'number' || !Number.isInteger(expire) || expire < 300 || expire > 259_200)
        return paramError('expireTime（300–259200 秒）');
      let returnUrl: string | undefined;
      if (body.callbackPage !== undefined) {
        try {
          const r = new URL(String(body.callbackPage));
          if (r.protocol !== 'http:' && r.protocol !== 'https:') throw new Error('scheme');
          returnUrl = r.href;
        } catch {
          return paramError('callbackPage（http 或 https 地址）');
        }
      }
      const session = d.openSession(
        { userId: user.mobile, contractId: c.id, ...(returnUrl ? { returnUrl } : {}) },
        Date.now(),
        expire * 1000,
      );
      return send(0, 'SUCCESS', {
        signUrl: `${ctx.signingOrigin(req)}${d.base}/sign?viewToken=${session.id}`,
      });
    }
  }
}
