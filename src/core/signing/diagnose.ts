/**
 * Why is the signing frame blank? A decision table over what the element can know, in the order
 * the checks can be made. Pure: the element gathers the signals, this decides.
 *
 * What can be known, and how (Chromium fires `load` for a refused cross-origin frame, an unreachable
 * one and a good one alike, and exposes nothing that tells them apart — by design, against
 * cross-site leaks — so each cause has its own signal):
 * - `mixed-content`: an https page cannot frame an http platform; known from the URLs before loading.
 * - `expired`: the session's `expiresAt` is already past when it arrives (after one fresh request),
 *   or the platform said the session expired twice in a row.
 * - `frame-refused`: the OA server reads the platform's `frame-ancestors` / `X-Frame-Options`
 *   (`host.client.inspectFraming`, optional) and `evaluateFraming` decides against this page's origin.
 * - `csp`: this page's own CSP refused the frame: a `securitypolicyviolation` event for the platform.
 * - `unreachable`: a `no-cors` request from this browser to the platform's origin fails (network
 *   error, or no answer within the probe timeout) — the signing address, never the session URL (its
 *   ticket is single use). It cannot read headers, but it tells a network failure from any answer
 *   (`probeReachable`, probe.ts).
 * - `third-party-storage`: the platform's page said the sign-on went through but its session cookie
 *   did not stick in the frame: the browser gives a cross-site frame no cookies (WebKit / Safari by
 *   default, Chrome with third-party cookies off). Not retried (it cannot help): the popup, a first-party
 *   window, keeps them.
 * - `login-required`: the return page reported that SSO failed, twice in a row (once is retried).
 */
import type { SigningBlockedCause } from '../../api/events.js';

export interface BlankFrameSignals {
  /** Page URL (location.href) and the URL the frame will load. */
  pageUrl: string;
  targetUrl: string;
  /** The session's expiry (ms since epoch) and now; absent before a session exists. */
  expiresAt?: number;
  now?: number;
  /** From `evaluateFraming`. */
  framing?: 'allowed' | 'refused' | 'unknown';
  /** This page's CSP refused the frame. */
  cspViolation?: boolean;
  /** The browser-side reachability probe. */
  probe?: 'pending' | 'ok' | 'failed';
  /** The frame's sign-on did not keep its session cookie (third-party storage blocked). */
  storageBlocked?: boolean;
  /** Consecutive `expired` / `login-required` reports (each is retried once before it blocks). */
  expiredReports?: number;
  loginReports?: number;
}

/** The cause to show, or null when nothing is known to be wrong (yet). */
export function diagnose(s: BlankFrameSignals): SigningBlockedCause | null {
  if (isMixedContent(s.pageUrl, s.targetUrl)) return 'mixed-content';
  if (s.cspViolation) return 'csp';
  if (s.expiresAt !== undefined && s.now !== undefined && s.expiresAt <= s.now) return 'expired';
  if ((s.expiredReports ?? 0) > 1) return 'expired';
  if (s.storageBlocked) return 'third-party-storage';
  if ((s.loginReports ?? 0) > 1) return 'login-required';
  if (s.framing === 'refused') return 'frame-refused';
  if (s.probe === 'failed') return 'unreachable';
  return null;
}

/**
 * An https page framing (or opening from a frame) an http platform: Chromium blocks it as mixed
 * content. Loopback http (127.0.0.1, localhost, [::1]) is potentially trustworthy and allowed.
 */
export function isMixedContent(pageUrl: string, targetUrl: string): boolean {
  try {
    const page = new URL(pageUrl);
    const target = new URL(targetUrl);
    return (
      page.protocol === 'https:' &&
      target.protocol === 'http:' &&
      !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i.test(target.hostname)
    );
  } catch {
    return false;
  }
}
