import type { Contact } from '@microsoft/microsoft-graph-types';
import type { ContactRecord } from './contact-record';

export type IdType = 'rest' | 'immutable';

/** A contact as Graph serialises it, with its annotations. */
export type GraphContactJson = Contact & { '@odata.context'?: string; '@odata.etag'?: string };

type ContactProperty = Exclude<keyof Contact, 'extensions' | 'multiValueExtendedProperties' | 'photo' | 'singleValueExtendedProperties'>;

/** Every structural property, in the order Graph writes them (see `test/fixtures/graph/contact-get.json`). */
export const contactPropertyNames: readonly ContactProperty[] = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'parentFolderId', 'birthday',
  'fileAs', 'displayName', 'givenName', 'initials', 'middleName', 'nickName', 'surname', 'title',
  'yomiGivenName', 'yomiSurname', 'yomiCompanyName', 'generation', 'imAddresses', 'jobTitle', 'companyName',
  'department', 'officeLocation', 'profession', 'businessHomePage', 'assistantName', 'manager', 'homePhones',
  'mobilePhone', 'businessPhones', 'spouseName', 'personalNotes', 'children', 'emailAddresses', 'homeAddress',
  'businessAddress', 'otherAddress',
];

export interface RenderContactOptions {
  idType: IdType;
  /** `$select`; `id` and the etag are always written. */
  select?: ReadonlySet<string>;
  /** Keys of the extended properties named in `$expand=singleValueExtendedProperties($filter=…)`. */
  expandedPropertyKeys?: ReadonlySet<string>;
  context?: string;
}

const contactId = (contact: ContactRecord, idType: IdType) =>
  idType === 'immutable' ? contact.immutableId : contact.restId;

/**
 * Serialises a stored contact the way Graph does: unset strings are null (but `fileAs` and
 * `personalNotes` are empty strings), unset lists are `[]`, unset addresses `{}`.
 */
export function renderContact(contact: ContactRecord, options: RenderContactOptions): GraphContactJson {
  const { fields } = contact;
  const full: GraphContactJson = {
    id: contactId(contact, options.idType),
    createdDateTime: contact.createdDateTime,
    lastModifiedDateTime: contact.lastModifiedDateTime,
    changeKey: contact.changeKey,
    categories: fields.categories ?? [],
    parentFolderId: contact.folderId,
    birthday: fields.birthday ?? null,
    fileAs: fields.fileAs ?? '',
    displayName: fields.displayName ?? null,
    givenName: fields.givenName ?? null,
    initials: fields.initials ?? null,
    middleName: fields.middleName ?? null,
    nickName: fields.nickName ?? null,
    surname: fields.surname ?? null,
    title: fields.title ?? null,
    yomiGivenName: fields.yomiGivenName ?? null,
    yomiSurname: fields.yomiSurname ?? null,
    yomiCompanyName: fields.yomiCompanyName ?? null,
    generation: fields.generation ?? null,
    imAddresses: fields.imAddresses ?? [],
    jobTitle: fields.jobTitle ?? null,
    companyName: fields.companyName ?? null,
    department: fields.department ?? null,
    officeLocation: fields.officeLocation ?? null,
    profession: fields.profession ?? null,
    businessHomePage: fields.businessHomePage ?? null,
    assistantName: fields.assistantName ?? null,
    manager: fields.manager ?? null,
    homePhones: fields.homePhones ?? [],
    mobilePhone: fields.mobilePhone ?? null,
    businessPhones: fields.businessPhones ?? [],
    spouseName: fields.spouseName ?? null,
    personalNotes: fields.personalNotes ?? '',
    children: fields.children ?? [],
    emailAddresses: fields.emailAddresses ?? [],
    homeAddress: fields.homeAddress ?? {},
    businessAddress: fields.businessAddress ?? {},
    otherAddress: fields.otherAddress ?? {},
  };
  const json: GraphContactJson = {};
  if (options.context) json['@odata.context'] = options.context;
  json['@odata.etag'] = `W/"${contact.changeKey}"`;
  for (const name of contactPropertyNames) {
    if (name === 'id' || !options.select || options.select.has(name)) copyProperty(json, full, name);
  }
  const expanded = expandedProperties(contact, options.expandedPropertyKeys);
  if (expanded.length > 0) json.singleValueExtendedProperties = expanded;
  return json;
}

function copyProperty<Name extends keyof GraphContactJson>(target: GraphContactJson, source: GraphContactJson, name: Name): void {
  target[name] = source[name];
}

/** Extended properties are never listed wholesale: only the ones `$expand` names, when present. */
function expandedProperties(contact: ContactRecord, keys: ReadonlySet<string> | undefined) {
  if (!keys) return [];
  return [...keys].flatMap((key) => {
    const property = contact.extendedProperties.get(key);
    return property ? [{ id: property.id, value: property.value }] : [];
  });
}
