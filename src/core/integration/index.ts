export * from './urls.js';
export * from './framing.js';
export * from './checklist.js';
export * from './markdown.js';
