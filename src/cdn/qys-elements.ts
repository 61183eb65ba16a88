/**
 * cdn/qys-elements.js and cdn/qys-elements.iife.js (global `QysElements`): everything in one
 * self-contained file for pages without a bundler: the root API (hosts, schemas, core functions,
 * errors) and every element class, with every tag defined on load.
 */
export * from '../index.js';
export * from '../all.js';
