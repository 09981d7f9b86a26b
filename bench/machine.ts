import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The share of the machine's CPU time something was using over one second, with the servers under test idle:
 * other work competing with the measurement (the load average would still count a seed or a build that just ran).
 */
export async function busyShareOfMachine(): Promise<number> {
  const totals = () =>
    cpus().reduce(
      (sum, cpu) => {
        const { idle, user, nice, sys, irq } = cpu.times;
        return { idle: sum.idle + idle, all: sum.all + idle + user + nice + sys + irq };
      },
      { idle: 0, all: 0 },
    );
  const before = totals();
  await sleep(1_000);
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? 1 - (after.idle - before.idle) / all : 0;
}
