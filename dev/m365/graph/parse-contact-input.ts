import { z } from 'zod';
import type { ContactInput } from './contact-record';
import { invalidRequestBody } from './graph-error';
import { parseExtendedProperties } from './parse-extended-properties';

const text = z.string().nullable().optional();
const texts = (max?: number) => {
  const list = z.array(z.string());
  return (max === undefined ? list : list.max(max)).nullable().optional();
};
const address = z
  .strictObject({
    street: text,
    city: text,
    state: text,
    countryOrRegion: text,
    postalCode: text,
  })
  .nullable()
  .optional();

/**
 * Writable contact properties. Exchange keeps three email slots, two business and two home phone
 * slots and three IM slots, so longer lists are refused rather than silently cut.
 */
const contactInputSchema = z.strictObject({
  assistantName: text,
  // Edm.DateTimeOffset; Graph also takes a bare date (`1974-07-22`), kept as midnight UTC.
  birthday: z
    .union([z.iso.datetime({ offset: true, local: true }), z.iso.date().transform((date) => `${date}T00:00:00Z`)])
    .nullable()
    .optional(),
  businessAddress: address,
  businessHomePage: text,
  businessPhones: texts(2),
  categories: texts(),
  children: texts(),
  companyName: text,
  department: text,
  displayName: text,
  emailAddresses: z
    .array(z.strictObject({ address: text, name: text }))
    .max(3)
    .nullable()
    .optional(),
  fileAs: text,
  generation: text,
  givenName: text,
  homeAddress: address,
  homePhones: texts(2),
  imAddresses: texts(3),
  initials: text,
  jobTitle: text,
  manager: text,
  middleName: text,
  mobilePhone: text,
  nickName: text,
  officeLocation: text,
  otherAddress: address,
  personalNotes: text,
  profession: text,
  spouseName: text,
  surname: text,
  title: text,
  yomiCompanyName: text,
  yomiGivenName: text,
  yomiSurname: text,
  singleValueExtendedProperties: z.array(z.strictObject({ id: z.string(), value: z.string() })).optional(),
});

/** Graph ignores annotations and server-set properties a client echoes back from an earlier read. */
const ignoredProperties = new Set(['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'parentFolderId']);

function withoutIgnoredProperties(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).filter(([name]) => !name.startsWith('@odata.') && !ignoredProperties.has(name)),
  );
}

/** Validates a contact create or PATCH body; answers Graph's 400 `RequestBodyRead` otherwise. */
export function parseContactInput(body: unknown): ContactInput {
  const parsed = contactInputSchema.safeParse(withoutIgnoredProperties(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') {
      throw invalidRequestBody(
        `The property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.contact'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    const path = issue?.path.join('.') ?? '';
    throw invalidRequestBody(`Invalid value for the property '${path}' of type 'microsoft.graph.contact': ${issue?.message ?? 'invalid'}.`);
  }
  const { singleValueExtendedProperties = [], ...fields } = parsed.data;
  return { fields, extendedProperties: parseExtendedProperties(singleValueExtendedProperties) };
}
