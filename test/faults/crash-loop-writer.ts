/**
 * The child process of test/unit/faults/crash-loop.test.ts:
 *
 *   node --import tsx test/faults/crash-loop-writer.ts <dataDir> <cycle>
 *
 * Opens the real core on an existing clinic folder, signs the administrator in, prints READY,
 * then creates people (and a case for every third) until the parent kills it with SIGKILL.
 * A line `ACK …` is printed only after the core answered ok, that is after the transaction
 * committed: each such line is a write the store must still hold after the crash.
 * (Writes to a pipe are synchronous on Linux, so a printed line reaches the parent even when
 * the kill follows at once.) Any error answer ends the child with code 3 and the error on
 * stderr, which the test reports.
 */
import { createCore } from '../../electron/core/core';
import { caseFor, person } from '../helpers/registry-fixtures';
import { ADMIN } from '../helpers/temp-core';
import { ackLine, invokeOk, marker, READY } from './crash-loop-protocol';

/** The parent kills well before this; it only stops a child whose parent died. */
const DEADLINE_MS = 60_000;

const [dataDir, cycleArg] = process.argv.slice(2);
const cycle = Number(cycleArg);
if (!dataDir || !Number.isInteger(cycle) || cycle < 1) {
  console.error('usage: crash-loop-writer.ts <dataDir> <cycle>');
  process.exit(2);
}

try {
  const core = await createCore({ dataDir });
  const client = 'crash-writer';
  await invokeOk(core, client, 'auth:login', { username: ADMIN.username, password: ADMIN.password });
  process.stdout.write(`${READY}\n`);
  const end = Date.now() + DEADLINE_MS;
  for (let write = 1; Date.now() < end; write += 1) {
    const name = marker(cycle, write);
    const person_ = await invokeOk(core, client, 'beneficiaries:create', person({ latinName: name, city: 'Rabat' }));
    process.stdout.write(`${ackLine({ kind: 'ben', id: person_.id, name })}\n`);
    if (write % 3 === 0) {
      const kase = await invokeOk(core, client, 'cases:create', caseFor(person_.id, { summary: `Dossier ${name}` }));
      process.stdout.write(`${ackLine({ kind: 'case', id: kase.id, beneficiaryId: person_.id, name })}\n`);
    }
  }
  console.error(`cycle ${cycle}: never killed within ${DEADLINE_MS} ms`);
  process.exit(4);
} catch (error) {
  console.error(`cycle ${cycle}:`, error);
  process.exit(3);
}
