// web-test-runner plugin: the first request for a built file (/dist/...) builds dist/ when it is
// missing or older than src/ (scripts/ensure-build.mjs), so browser tests of the cdn files never load
// files a previous manual build left behind. Test runs that load no built file build nothing. A build
// error is answered as a 500 naming it (the test that loaded the file fails and says why).
import { ensureBuild } from './ensure-build.mjs';

export function ensureBuildPlugin() {
  let done;
  return {
    name: 'qys-ensure-build',
    async serve(context) {
      if (!context.path.startsWith('/dist/')) return undefined;
      done ??= ensureBuild({ log: (m) => console.log(`[qys-ensure-build] ${m}`) }).then(
        () => undefined,
        (e) => String(e?.message ?? e),
      );
      const error = await done;
      return error ? { body: `/* ${error.replaceAll('*/', '* /')} */`, type: 'js', status: 500 } : undefined;
    },
  };
}
