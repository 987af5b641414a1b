import { z } from 'zod';

/** Graph accepts enum members in any case (its own examples send "Required", "Default") and answers in camelCase. */
export function caseInsensitiveEnum<const Members extends readonly [string, ...string[]]>(members: Members) {
  return z.string().transform((value, context): Members[number] => {
    const member = members.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (member === undefined) {
      context.addIssue({ code: 'custom', message: `'${value}' is not one of ${members.join(', ')}` });
      return z.NEVER;
    }
    return member;
  });
}
