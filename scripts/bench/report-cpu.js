// Preloaded by scripts/bench/registry-check.ts (node --import): prints the CPU time of this whole
// process (all threads) when it exits, a figure that a busy shared machine distorts less than
// wall time.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const ms = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stderr.write(`\nbench-cpu-ms ${ms.toFixed(0)}\n`);
});
