/**
 * A streaming cyrb53 (public domain) with two differently seeded lanes: the hash of the texts given
 * to `update`, as if joined, without joining them. Not cryptographic: it tells whether stored state
 * changed, where a collision would only make one run quiet that had something to redo.
 */
export interface TextHash {
  update(text: string): TextHash;
  /** 106 bits as 28 base-36 digits. */
  digest(): string;
}

interface Lane {
  first: number;
  second: number;
}

const laneOf = (seed: number): Lane => ({ first: 0xdeadbeef ^ seed, second: 0x41c6ce57 ^ seed });

function finish({ first, second }: Lane): string {
  const mixedFirst = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  const mixedSecond = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(mixedFirst ^ (mixedFirst >>> 13), 3266489909);
  return (4294967296 * (2097151 & mixedSecond) + (mixedFirst >>> 0)).toString(36).padStart(14, '0');
}

export function createTextHash(): TextHash {
  const lanes = [laneOf(1), laneOf(2)] as const;
  const hash: TextHash = {
    update(text) {
      for (const lane of lanes) {
        let { first, second } = lane;
        for (let index = 0; index < text.length; index += 1) {
          const code = text.charCodeAt(index);
          first = Math.imul(first ^ code, 2654435761);
          second = Math.imul(second ^ code, 1597334677);
        }
        lane.first = first;
        lane.second = second;
      }
      return hash;
    },
    digest: () => lanes.map(finish).join(''),
  };
  return hash;
}
