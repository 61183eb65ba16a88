/**
 * `npx qys-elements-conformance --base-url https://oa.example.com/api/qys [--header k:v]…`: runs the
 * conformance suite against an OA backend through `createHttpHost`. Prints one line per check and a
 * totals line; the bin (bin/qys-elements-conformance.js) exits 1 when a check fails or the arguments
 * are wrong. DOM-free and without Node types: the bin passes argv and the output function.
 */
import { createHttpHost } from '../api/http-host.js';
import { formatCheck, formatTotals, runConformance } from './index.js';

export const USAGE = `Usage / 用法: qys-elements-conformance --base-url <url> [--header <name>:<value>]… [--timeout <ms>]

  --base-url   The OA backend's contract base URL (what createHttpHost's baseUrl would be).
               OA 后端接口契约的基础地址（即 createHttpHost 的 baseUrl）。
  --header     An extra request header, e.g. --header "Authorization: Bearer …" (repeatable).
               附加请求头，可重复，例如 --header "Authorization: Bearer …"。
  --timeout    Per-request timeout in ms (default 15000). 每个请求的超时毫秒数（默认 15000）。

Creates one service named qys-conformance-… and deletes it; writes nothing else.
只会创建并删除一个名为 qys-conformance-… 的服务，不写入其他数据。`;

/** `pinyin-pro`'s syllables when the package can be imported (it is optional), else undefined. */
async function loadPinyin(): Promise<((name: string) => string[]) | undefined> {
  try {
    const mod = (await import(/* @vite-ignore */ ['pinyin', 'pro'].join('-'))) as {
      pinyin: (s: string, o: object) => string[];
    };
    return (s) => mod.pinyin(s, { toneType: 'none', type: 'array', v: true });
  } catch {
    return undefined;
  }
}

interface Args {
  baseUrl: string;
  headers: Record<string, string>;
  timeout?: number;
}

/** Parses argv: the arguments, `{ help: true }`, or `{ error }` (in zh-CN and en). */
export function parseArgs(argv: readonly string[]): Args | { help: true } | { error: string } {
  const headers: Record<string, string> = {};
  let baseUrl: string | undefined;
  let timeout: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const [name, inline] =
      arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} 缺少取值 / ${name} needs a value`);
      return v;
    };
    try {
      if (name === '--help' || name === '-h') return { help: true };
      else if (name === '--base-url') baseUrl = value();
      else if (name === '--header') {
        const h = value();
        const colon = h.indexOf(':');
        if (colon <= 0)
          return { error: `请求头格式应为 名称:值，收到 "${h}" / --header wants name:value, got "${h}"` };
        headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
      } else if (name === '--timeout') {
        const v = value();
        timeout = Number(v);
        if (!Number.isSafeInteger(timeout) || timeout <= 0)
          return {
            error: `--timeout 应为正整数（毫秒），收到 "${v}" / --timeout wants a positive integer (ms), got "${v}"`,
          };
      } else return { error: `未知参数 "${arg}" / unknown argument "${arg}"` };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (!baseUrl) return { error: '缺少 --base-url / --base-url is required' };
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { error: `--base-url 不是有效的网址："${baseUrl}" / --base-url is not a URL: "${baseUrl}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      error: `--base-url 应以 http:// 或 https:// 开头："${baseUrl}" / --base-url must be http(s): "${baseUrl}"`,
    };
  return { baseUrl, headers, ...(timeout !== undefined ? { timeout } : {}) };
}

/**
 * Runs the CLI: resolves with the exit code (0: every check passed or was skipped; 1: a check failed;
 * 2: wrong arguments). `write` gets one line at a time.
 */
export async function main(
  argv: readonly string[],
  write: (line: string) => void,
  options: { fetch?: typeof fetch; pinyin?: ((name: string) => string[]) | null } = {},
): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    write(USAGE);
    return 0;
  }
  if ('error' in args) {
    write(args.error);
    write(USAGE);
    return 2;
  }
  const host = createHttpHost({
    baseUrl: args.baseUrl,
    headers: args.headers,
    retry: 0,
    ...(args.timeout !== undefined ? { timeout: args.timeout } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  write(`qys-elements conformance: ${args.baseUrl}`);
  const pinyin = options.pinyin === undefined ? await loadPinyin() : options.pinyin;
  const result = await runConformance(host, {
    report: (c) => write(formatCheck(c)),
    ...(pinyin ? { pinyin } : {}),
  });
  write(formatTotals(result));
  return result.ok ? 0 : 1;
}
