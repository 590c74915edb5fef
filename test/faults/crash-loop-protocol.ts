/**
 * What the crash-loop test (test/unit/faults/crash-loop.test.ts) and its writer child
 * (crash-loop-writer.ts) agree on: the name each write carries, the lines the child prints,
 * and a typed call into the core.
 */
import type { ClinicCore } from '../../electron/core/core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';

/** The child prints this once signed in, before its first write. */
export const READY = 'READY';

/** A unique, fixed-shape name per write: `Crash C007 W00042` is write 42 of cycle 7. */
export function marker(cycle: number, write: number): string {
  return `Crash C${String(cycle).padStart(3, '0')} W${String(write).padStart(5, '0')}`;
}

const MARKER = /^Crash C(\d{3}) W(\d{5})$/;

export function parseMarker(name: string): { cycle: number; write: number } | null {
  const m = MARKER.exec(name);
  return m ? { cycle: Number(m[1]), write: Number(m[2]) } : null;
}

/** One acknowledged write: the core answered ok, so it must survive any crash after this. */
export type Ack =
  | { kind: 'ben'; id: number; name: string }
  | { kind: 'case'; id: number; beneficiaryId: number; name: string };

export function ackLine(ack: Ack): string {
  return ack.kind === 'ben' ? `ACK ben ${ack.id} ${ack.name}` : `ACK case ${ack.id} ${ack.beneficiaryId} ${ack.name}`;
}

/** The inverse of ackLine; null for anything else (the test counts those as protocol errors). */
export function parseAck(line: string): Ack | null {
  const ben = /^ACK ben (\d+) (Crash C\d{3} W\d{5})$/.exec(line);
  if (ben) return { kind: 'ben', id: Number(ben[1]), name: ben[2]! };
  const kase = /^ACK case (\d+) (\d+) (Crash C\d{3} W\d{5})$/.exec(line);
  if (kase) return { kind: 'case', id: Number(kase[1]), beneficiaryId: Number(kase[2]), name: kase[3]! };
  return null;
}

/** Calls a channel and unwraps the Result; an error answer throws with its code. */
export async function invokeOk<C extends Channel>(core: ClinicCore, client: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await core.invoke(client, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}
