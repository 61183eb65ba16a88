import { defineConfig } from 'vite';

// No React plugin: the automatic JSX runtime is all the app needs (no fast refresh in a test).
export default defineConfig({ oxc: { jsx: { runtime: 'automatic' } }, build: { target: 'es2022' } });
