// @web/test-runner-visual-regression's index.d.ts re-exports './browser/commands.mjs', which has no .d.mts next to
// it, so TypeScript (nodenext) sees no visualDiff: declared here as browser/commands.d.ts declares it.
export {};
declare module '@web/test-runner-visual-regression' {
  export function visualDiff(element: Node, name: string): Promise<void>;
}
