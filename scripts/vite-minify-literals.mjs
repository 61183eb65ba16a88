// Vite plugin: minifies the HTML and CSS inside lit `html`/`css` template literals of our own sources
// (whitespace in templates is otherwise shipped as-is). Uses minify-literals (html-minifier-next +
// lightningcss). Applied after TypeScript is compiled, so the parser only sees JavaScript.
import { minifyHTMLLiterals } from 'minify-literals';

export function minifyLiterals() {
  return {
    name: 'qys-minify-literals',
    apply: 'build',
    enforce: 'post',
    async transform(code, id) {
      if (!/\/src\/.*\.(ts|js)$/.test(id.split('?')[0]) || (!code.includes('html`') && !code.includes('css`'))) return null;
      const out = await minifyHTMLLiterals(code, { fileName: id });
      return out ? { code: out.code, map: out.map } : null;
    },
  };
}
