/**
 * Deterministic sample resources for a service that was never synced (the public-cloud service has no
 * simulator behind it). Once 同步服务商数据 has run for a service, its stored resources replace these.
 */
import type { Resource, ResourceKind } from '../../src/api/schemas.js';

const COMPANIES = [
  { id: '2961458871234561001', name: '上海泛微网络科技股份有限公司' },
  { id: '2961458871234561002', name: '北京泛微软件有限公司' },
  { id: '2961458871234561003', name: '深圳泛微信息技术有限公司' },
];
const SEAL_TYPES = ['公章', '合同专用章', '财务专用章', '人事专用章', '法人章'];
const CATEGORIES = ['采购合同', '销售合同', '劳动合同', '保密协议', '框架协议', '租赁合同'];

function sealSvg(company: string, type: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><circle cx="60" cy="60" r="54" fill="none" stroke="#d22" stroke-width="5"/>` +
    `<text x="60" y="66" font-size="22" text-anchor="middle" fill="#d22">★</text>` +
    `<text x="60" y="40" font-size="10" text-anchor="middle" fill="#d22">${company.slice(0, 10)}</text>` +
    `<text x="60" y="92" font-size="11" text-anchor="middle" fill="#d22">${type}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function sampleResources(): Record<ResourceKind, Resource[]> {
  const at = '2026-01-05T08:00:00.000Z';
  const seals = (kind: ResourceKind, prefix: string): Resource[] =>
    COMPANIES.flatMap((c, ci) =>
      SEAL_TYPES.map((t, ti) => ({
        id: `${prefix}${ci}${ti}`.padEnd(19, '7'),
        kind,
        name: `${c.name.slice(0, 4)}${t}`,
        company: c.name,
        companyId: c.id,
        sealType: t,
        status: ti === 4 && ci === 2 ? ('disabled' as const) : ('enabled' as const),
        image: sealSvg(c.name, t),
        updatedAt: at,
      })),
    );
  const named = (kind: ResourceKind, prefix: string, names: string[]): Resource[] =>
    names.map((name, i) => ({
      id: `${prefix}${i}`.padEnd(19, '3'),
      kind,
      name,
      category: CATEGORIES[i % CATEGORIES.length]!,
      company: COMPANIES[i % COMPANIES.length]!.name,
      companyId: COMPANIES[i % COMPANIES.length]!.id,
      status: 'enabled' as const,
      updatedAt: at,
    }));
  return {
    'electronic-seal': seals('electronic-seal', '30101'),
    'physical-seal': seals('physical-seal', '30102'),
    'file-template': named(
      'file-template',
      '30103',
      CATEGORIES.flatMap((c) => [`${c}(标准版)`, `${c}(简版)`]),
    ),
    'electronic-seal-flow': named(
      'electronic-seal-flow',
      '30104',
      CATEGORIES.map((c) => `${c}电子用印`),
    ),
    'physical-seal-flow': named(
      'physical-seal-flow',
      '30105',
      CATEGORIES.map((c) => `${c}物理用印`),
    ),
  };
}
