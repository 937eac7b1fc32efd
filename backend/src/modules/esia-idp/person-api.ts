import { EsiaPerson } from './demo-persons';

/**
 * ESIA's REST person resources (`/rs/prns/{oid}`, `/ctts`, `/addrs`, `/docs`): a collection is
 * `{stateFacts: ['hasSize'], size, elements}` of item URLs; `?embed=(elements)` inlines the items.
 * What a resource shows depends on the scopes the access token carries.
 */
export type PersonResource = 'person' | 'ctts' | 'addrs' | 'docs';

export interface PersonApiResult {
  status: number;
  body: Record<string, unknown>;
}

const has = (scopes: Set<string>, ...any: string[]) => any.some((s) => scopes.has(s));

interface Item {
  id: string;
  body: Record<string, unknown>;
}

function contacts(p: EsiaPerson): Item[] {
  return [
    { id: `${p.oid}1`, body: { stateFacts: ['Identifiable'], id: Number(`${p.oid}1`), type: 'EML', vrfStu: 'VERIFIED', value: p.email } },
    { id: `${p.oid}2`, body: { stateFacts: ['Identifiable'], id: Number(`${p.oid}2`), type: 'MBT', vrfStu: 'VERIFIED', value: p.mobile } },
  ];
}

function addresses(p: EsiaPerson): Item[] {
  return p.address ? [{ id: `${p.oid}3`, body: { stateFacts: ['Identifiable'], id: Number(`${p.oid}3`), ...p.address, countryId: 'RUS' } }] : [];
}

function documents(p: EsiaPerson): Item[] {
  return p.document ? [{ id: `${p.oid}4`, body: { stateFacts: ['Identifiable'], id: Number(`${p.oid}4`), vrfStu: 'VERIFIED', ...p.document } }] : [];
}

export function personResource(
  person: EsiaPerson,
  resource: PersonResource,
  itemId: string | undefined,
  scopes: Set<string>,
  embed: boolean,
  baseUrl: string,
): PersonApiResult {
  const forbidden = { status: 403, body: { code: 'ESIA-007006', message: 'scope does not allow this resource' } };
  if (resource === 'person') {
    if (!has(scopes, 'fullname', 'birthdate', 'gender', 'snils', 'inn')) return forbidden;
    const body: Record<string, unknown> = { stateFacts: ['EntityRoot'], eTag: person.oid, trusted: person.trust === 'confirmed', status: 'REGISTERED', verifying: false };
    if (scopes.has('fullname')) Object.assign(body, { firstName: person.firstName, lastName: person.lastName, middleName: person.middleName });
    if (scopes.has('birthdate')) body.birthDate = person.birthDate;
    if (scopes.has('gender')) body.gender = person.gender;
    if (scopes.has('snils') && person.snils) body.snils = person.snils;
    if (scopes.has('inn') && person.inn) body.inn = person.inn;
    return { status: 200, body };
  }
  let items: Item[];
  if (resource === 'ctts') {
    if (!has(scopes, 'contacts', 'email', 'mobile')) return forbidden;
    items = contacts(person).filter(
      (c) => scopes.has('contacts') || (c.body.type === 'EML' ? scopes.has('email') : scopes.has('mobile')),
    );
  } else if (resource === 'addrs') {
    if (!has(scopes, 'contacts', 'addresses')) return forbidden;
    items = addresses(person);
  } else {
    if (!scopes.has('id_doc')) return forbidden;
    items = documents(person);
  }
  if (itemId !== undefined) {
    const item = items.find((i) => i.id === itemId);
    return item ? { status: 200, body: item.body } : { status: 404, body: { code: 'ESIA-007003', message: 'no such element' } };
  }
  const url = `${baseUrl}/rs/prns/${person.oid}/${resource}`;
  return {
    status: 200,
    body: { stateFacts: ['hasSize'], size: items.length, elements: items.map((i) => (embed ? i.body : `${url}/${i.id}`)) },
  };
}
