/**
 * A streaming cyrb53 (public domain) with two differently seeded lanes: the hash of the texts given
 * to `update`, as if joined, without joining them. Not cryptographic: it tells whether stored state
 * changed, where a collision would only make one run quiet that had something to redo.
 */
export interface TextHash {
  update(text: string): TextHash;
  /** 106 bits as 22 base-36 digits. */
  digest(): string;
}

interface Lane {
  first: number;
  second: number;
}

const laneOf = (seed: number): Lane => ({ first: 0xdeadbeef ^ seed, second: 0x41c6ce57 ^ seed });

function feed(lane: Lane, text: string): void {
  let { first, second } = lane;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  lane.first = first;
  lane.second = second;
}

/** The lane's 53 bits. */
function finish({ first, second }: Lane): number {
  const mixedFirst = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  const mixedSecond = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(mixedFirst ^ (mixedFirst >>> 13), 3266489909);
  return 4294967296 * (2097151 & mixedSecond) + (mixedFirst >>> 0);
}

export function createTextHash(): TextHash {
  const lanes = [laneOf(1), laneOf(2)] as const;
  const hash: TextHash = {
    update(text) {
      for (const lane of lanes) feed(lane, text);
      return hash;
    },
    digest: () => lanes.map((lane) => finish(lane).toString(36).padStart(11, '0')).join(''),
  };
  return hash;
}

/** Two 32-bit numbers of one short text (the low bits of each lane): for sums that do not depend on order. */
export function hashTextLanes(text: string): [number, number] {
  const lanes = [laneOf(1), laneOf(2)] as const;
  for (const lane of lanes) feed(lane, text);
  return [finish(lanes[0]) % 4294967296, finish(lanes[1]) % 4294967296];
}
