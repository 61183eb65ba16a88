/** The library version (kept equal to package.json by scripts/check-exports.mjs). */
export const VERSION = '0.1.0';
