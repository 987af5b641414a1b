import { distinctEmails } from '../../domain/distinct-emails';

export type EmailListMerge = {
  /** Every email both sides keep, in order, the primary first; longer than Outlook's three slots when the sides added more. */
  merged: string[];
  /** True when both sides changed the same element (or the primary) differently. */
  conflicting: boolean;
};

const keyOf = (email: string) => email.toLowerCase();
const sameList = (left: readonly string[], right: readonly string[]) => left.length === right.length && left.every((email, index) => email === right[index]);

/** What one side did to the base list: the elements it dropped, and which of them it replaced in place. */
function changesOf(base: readonly string[], side: readonly string[]) {
  const sideKeys = new Set(side.map(keyOf));
  const baseKeys = new Set(base.map(keyOf));
  const removed = new Set(base.filter((email) => !sideKeys.has(keyOf(email))).map(keyOf));
  const added = side.filter((email) => !baseKeys.has(keyOf(email)));
  // An element dropped where the side now has a new one, at the same position, was changed into it.
  const replaced = new Map<string, string>();
  base.forEach((email, index) => {
    const now = side[index];
    if (removed.has(keyOf(email)) && now !== undefined && !baseKeys.has(keyOf(now))) replaced.set(keyOf(email), now);
  });
  const primaryChanged = side[0] !== undefined && keyOf(side[0]) !== (base[0] === undefined ? undefined : keyOf(base[0]));
  const spelling = new Map(side.map((email) => [keyOf(email), email]));
  return { removed, added, replaced, spelling, primary: primaryChanged ? side[0] : undefined };
}

/**
 * Three-way merge of email lists element by element (addresses compared ignoring case): an email
 * added, removed or changed on one side is taken from that side, so the ERP adding an email while
 * Outlook changes the primary keeps both. Only the same element changed on both sides to different
 * values (or a primary both sides changed differently) is a conflict, which `pick`'s side settles.
 * Additions come after the kept emails, Outlook's first, so that the user's own edit keeps a slot.
 *
 * @example mergeEmailLists(['a@x'], ['a@x', 'c@x'], ['b@x'], 'erp').merged // ['b@x', 'c@x']
 */
export function mergeEmailLists(base: readonly string[], erp: readonly string[], outlook: readonly string[], pick: 'erp' | 'outlook'): EmailListMerge {
  // One side alone changed the list: it is taken as it is, order included.
  if (sameList(outlook, base)) return { merged: [...erp], conflicting: false };
  if (sameList(erp, base)) return { merged: [...outlook], conflicting: false };
  const sides = { erp: changesOf(base, erp), outlook: changesOf(base, outlook) };
  const winner = sides[pick];
  const loser = sides[pick === 'erp' ? 'outlook' : 'erp'];
  let conflicting = false;

  const merged: string[] = [];
  const dropped = new Set<string>();
  for (const email of base) {
    const key = keyOf(email);
    const erpChange = sides.erp.replaced.get(key);
    const outlookChange = sides.outlook.replaced.get(key);
    const erpRemoved = sides.erp.removed.has(key);
    const outlookRemoved = sides.outlook.removed.has(key);
    if (!erpRemoved && !outlookRemoved) {
      // Kept on both sides: a side that changed only its case gives its spelling.
      const erpSpelling = sides.erp.spelling.get(key) ?? email;
      const outlookSpelling = sides.outlook.spelling.get(key) ?? email;
      if (erpSpelling === outlookSpelling || outlookSpelling === email) merged.push(erpSpelling);
      else if (erpSpelling === email) merged.push(outlookSpelling);
      else merged.push(winner.spelling.get(key) ?? email);
      continue;
    }
    const both = erpRemoved && outlookRemoved;
    const sameChange = (erpChange === undefined && outlookChange === undefined) || (erpChange !== undefined && outlookChange !== undefined && keyOf(erpChange) === keyOf(outlookChange));
    if (both && !sameChange) {
      // Changed on both sides to different values, or changed on one and deleted on the other.
      conflicting = true;
      const kept = winner.replaced.get(key);
      const lost = loser.replaced.get(key);
      if (kept !== undefined) merged.push(kept);
      if (lost !== undefined) dropped.add(keyOf(lost));
      continue;
    }
    const change = erpChange ?? outlookChange;
    if (change !== undefined) merged.push(change);
  }
  for (const email of [...sides.outlook.added, ...sides.erp.added]) if (!dropped.has(keyOf(email))) merged.push(email);

  const distinct = distinctEmails(merged);
  const primary = choosePrimary(sides.erp.primary, sides.outlook.primary, pick);
  conflicting ||= primary.conflicting;
  const first = primary.email === undefined ? -1 : distinct.findIndex((email) => keyOf(email) === keyOf(primary.email ?? ''));
  if (first > 0) distinct.unshift(...distinct.splice(first, 1));
  return { merged: distinct, conflicting };
}

/** The side that moved the primary gives it; both moving it to different emails is a conflict. */
function choosePrimary(erp: string | undefined, outlook: string | undefined, pick: 'erp' | 'outlook'): { email: string | undefined; conflicting: boolean } {
  if (erp === undefined || outlook === undefined || keyOf(erp) === keyOf(outlook)) return { email: erp ?? outlook, conflicting: false };
  return { email: pick === 'erp' ? erp : outlook, conflicting: true };
}
