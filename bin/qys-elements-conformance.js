#!/usr/bin/env node
// The conformance suite against an OA backend: see src/conformance/cli.ts (built to dist/conformance).
import { main } from '../dist/conformance/cli.js';

process.exitCode = await main(process.argv.slice(2), (line) => process.stdout.write(line + '\n'));
