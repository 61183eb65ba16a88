/**
 * The client group: what the OA server sees of this browser (client IP, the OA's base URL, the user),
 * named network-segment presets, and the framing headers of a URL (simulated by host name:
 * `unreachable`, `noframe`, else `frame-ancestors 'self'` plus the embed whitelist).
 */
import * as z from 'zod/mini';
import type { ClientApi } from '../host.js';
import {
  ClientContextSchema,
  FramingInspectionSchema,
  SegmentPresetSchema,
  type ClientContext,
  type FramingInspection,
  type SegmentPreset,
} from '../schemas.js';
import { nameOf, personId, type OrgData } from './data.js';
import { clone, hostOf, type Runtime } from './faults.js';

export interface ClientOptions {
  clientIp?: string | null;
  oaBaseUrl?: string;
  embedWhitelist?: string[];
}

/** The OA's origin, and this page's origin (browser) or else the OA's (Node). */
export function origins(oaBaseUrl: string | undefined) {
  const oaOrigin = () => new URL(oaBaseUrl ?? 'https://oa.example.com').origin;
  const pageOrigin = () =>
    typeof location !== 'undefined' && location.origin && location.origin !== 'null'
      ? location.origin
      : oaOrigin();
  return { oaOrigin, pageOrigin };
}

export function createClient(rt: Runtime, org: OrgData, options: ClientOptions): ClientApi {
  const { call } = rt;
  const { oaOrigin, pageOrigin } = origins(options.oaBaseUrl);
  const segmentPresets: SegmentPreset[] = [
    { id: 'hq-intranet', name: '总部内网', rules: ['10.0.0.0/8'] },
    { id: 'branch-offices', name: '分支机构', rules: ['172.16.0.0/12'] },
    { id: 'office-wifi', name: '办公 Wi-Fi', rules: ['192.168.0.0/16'] },
  ];

  return {
    context: (o) =>
      call('client.context', o?.signal, ClientContextSchema, (): ClientContext => ({
        clientIp: options.clientIp === undefined ? '10.1.2.3' : options.clientIp,
        oaBaseUrl: options.oaBaseUrl ?? 'https://oa.example.com',
        userId: personId(org.currentUser),
        userName: nameOf(org, org.currentUser),
      })),
    inspectFraming: (url, o) =>
      call('client.inspectFraming', o?.signal, FramingInspectionSchema, (): FramingInspection => {
        const h = hostOf(url);
        if (!h)
          return {
            url,
            reachable: false,
            contentSecurityPolicy: null,
            xFrameOptions: null,
            error: 'invalid-url',
          };
        if (h.includes('unreachable')) {
          return {
            url,
            reachable: false,
            contentSecurityPolicy: null,
            xFrameOptions: null,
            error: 'ECONNREFUSED',
          };
        }
        if (h.includes('noframe')) {
          return {
            url,
            reachable: true,
            status: 200,
            contentSecurityPolicy: "frame-ancestors 'none'",
            xFrameOptions: 'DENY',
          };
        }
        const allowed = options.embedWhitelist ?? [pageOrigin(), oaOrigin()];
        return {
          url,
          reachable: true,
          status: 200,
          contentSecurityPolicy: `frame-ancestors 'self' ${[...new Set(allowed)].join(' ')}`.trim(),
          xFrameOptions: null,
        };
      }),
    segmentPresets: (o) =>
      call('client.segmentPresets', o?.signal, z.array(SegmentPresetSchema), () => clone(segmentPresets)),
  };
}
