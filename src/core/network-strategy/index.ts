/** Network strategy (内外网自动登录): rule parsing, analysis, compiled matching and resolution. */
export * from './ip.js';
export * from './issues.js';
export * from './rules.js';
export * from './domain.js';
export * from './match.js';
export * from './resolve.js';
