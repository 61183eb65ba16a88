/**
 * Typed failures of the host contract. Every `QysHost` call rejects with one of these (or with the
 * caller's abort reason when its `AbortSignal` fires). `code` is a stable message code that the
 * elements localise; `message` is English text for logs.
 */
import type { ValidationIssue } from './schemas.js';

export type QysErrorCode =
  | 'network'
  | 'redirect'
  | 'timeout'
  | 'server'
  | 'auth'
  | 'conflict'
  | 'validation'
  | 'contract'
  | 'not-found'
  | 'unsafe-url';

export class QysError extends Error {
  readonly code: QysErrorCode;
  /** HTTP status, when the failure came from an HTTP response. */
  readonly status: number | undefined;
  constructor(code: QysErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'QysError';
    this.code = code;
    this.status = options?.status;
  }
}

/** The host could not be reached, or answered with a 5xx. */
export class QysNetworkError extends QysError {
  constructor(message = 'The host could not be reached', options?: { cause?: unknown; status?: number }) {
    super('network', message, options);
    this.name = 'QysNetworkError';
  }
}

/**
 * The host answered with a 5xx, or refused the request with a status the other errors do not name (405, 413,
 * 415…; `status` tells which). A network-level failure from the caller's point of view.
 */
export class QysServerError extends QysNetworkError {
  constructor(message = 'The host failed to answer', options?: { cause?: unknown; status?: number }) {
    super(message, options);
    (this as { code: QysErrorCode }).code = 'server';
    this.name = 'QysServerError';
  }
}

/**
 * The host answered with a redirect that the client refused: to another origin (a request never
 * leaves the base URL's origin, so no header or body went there), one whose target is unknown (a
 * browser hides it), or one redirect too many. `location` is the refused target when it is known.
 */
export class QysRedirectError extends QysNetworkError {
  readonly location: string | undefined;
  constructor(
    message = 'The host redirected the request to another origin; it was not followed',
    options?: { cause?: unknown; status?: number; location?: string },
  ) {
    super(message, options);
    (this as { code: QysErrorCode }).code = 'redirect';
    this.name = 'QysRedirectError';
    this.location = options?.location;
  }
}

export class QysTimeoutError extends QysError {
  readonly timeoutMs: number | undefined;
  constructor(
    message = 'The host did not answer in time',
    options?: { cause?: unknown; timeoutMs?: number },
  ) {
    super('timeout', message, options);
    this.name = 'QysTimeoutError';
    this.timeoutMs = options?.timeoutMs;
  }
}

/** 401 / 403: not signed in to the OA, or not allowed. */
export class QysAuthError extends QysError {
  constructor(message = 'Not signed in or not allowed', options?: { cause?: unknown; status?: number }) {
    super('auth', message, options);
    this.name = 'QysAuthError';
  }
}

/**
 * 409: the record changed since it was read. `current` is the server's record when the host sends
 * it, so the user can see what changed and choose; a save never overwrites a newer version.
 */
export class QysConflictError<T = unknown> extends QysError {
  readonly current: T | undefined;
  constructor(
    message = 'The record was changed by someone else',
    options?: { cause?: unknown; current?: T },
  ) {
    super('conflict', message, { ...options, status: 409 });
    this.name = 'QysConflictError';
    this.current = options?.current;
  }
}

/**
 * 422 (or 400): the input was refused; `issues` name the fields (dot-joined paths) and message codes.
 * `status` is the status the host really answered (422 when the refusal did not come over HTTP).
 */
export class QysValidationError extends QysError {
  readonly issues: ValidationIssue[];
  constructor(
    issues: ValidationIssue[],
    message = 'The input was refused',
    options?: { cause?: unknown; status?: number },
  ) {
    super('validation', message, { ...options, status: options?.status ?? 422 });
    this.name = 'QysValidationError';
    this.issues = issues;
  }
}

/** A response did not match the contract; `path` names where it failed. */
export class QysContractError extends QysError {
  readonly path: string;
  readonly endpoint: string | undefined;
  constructor(path: string, message?: string, options?: { cause?: unknown; endpoint?: string }) {
    super(
      'contract',
      message ??
        `Response does not match the contract at "${path || '(root)'}"${options?.endpoint ? ` (${options.endpoint})` : ''}`,
      options,
    );
    this.name = 'QysContractError';
    this.path = path;
    this.endpoint = options?.endpoint;
  }
}

export class QysNotFoundError extends QysError {
  constructor(message = 'Not found', options?: { cause?: unknown }) {
    super('not-found', message, { ...options, status: 404 });
    this.name = 'QysNotFoundError';
  }
}

/**
 * A URL from the host was refused before it reached the page (only absolute http(s) URLs may reach
 * `src`, `href` or `window.open`; see `checkHostUrl` in src/core/url.ts). `reason` is the message
 * code (`url.unsafeScheme`, `url.notAbsolute`), `field` names the value (`session.url`, `image`).
 * The refused URL itself is not kept: it may be long, and it is the host's to log.
 */
export class QysUnsafeUrlError extends QysError {
  readonly reason: 'url.unsafeScheme' | 'url.notAbsolute';
  readonly field: string;
  constructor(reason: 'url.unsafeScheme' | 'url.notAbsolute', field: string, message?: string) {
    super(
      'unsafe-url',
      message ??
        `The host sent ${field} ${reason === 'url.unsafeScheme' ? 'with a scheme other than http(s)' : 'that is not an absolute http(s) URL'}; it was not used`,
    );
    this.name = 'QysUnsafeUrlError';
    this.reason = reason;
    this.field = field;
  }
}

export const isQysError = (e: unknown): e is QysError => e instanceof QysError;

/** True for an abort caused by the caller's signal (never shown to the user as an error). */
export const isAbortError = (e: unknown): boolean =>
  (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
