/**
 * What the comparison files (bench/compare.*.bench.ts) share: the org shape both trees show and the row names,
 * so the org picker and Shoelace's lazy `sl-tree` are measured the same way, each first on a page of its own
 * (`npm run bench` runs these files 5 times and reports medians).
 */
import { createMemoryHost } from '../src/api/memory-host/index.js';

/** The org of the outside comparison in issue #16: 10,000 persons, zero latency. */
export const COMPARE_ORG = { persons: 10_000, departments: 500, subcompanies: 8 } as const;

export const compareHost = () => createMemoryHost({ orgSize: { ...COMPARE_ORG }, validate: false });

export const COMPARE_AREA = 'compare';
export const SL_TREE_ROW = 'lazy sl-tree (Shoelace), first on a cold page: mount → first rows painted';
export const PICKER_ROW = 'org picker, first on a cold page: mount → first rows painted';
