'use strict';
// Preloaded with `node --require` to report every native addon a process
// loads: one "dlopen: <file>" line on stderr per addon.
const original = process.dlopen;
process.dlopen = function recordDlopen(module, filename, ...rest) {
  process.stderr.write(`dlopen: ${filename}\n`);
  return original.call(this, module, filename, ...rest);
};
