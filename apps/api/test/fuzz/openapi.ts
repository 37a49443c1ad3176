import fc from 'fast-check';
import { hostileId, hostileString, wrongValue } from './hostile';

/** The REST surface as the OpenAPI description gives it, and fast-check arbitraries of hostile requests over it. */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; schema?: Schema }>;
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** With `{name}` placeholders, as in the description. */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema }>;
  body: Schema | null;
}

export interface RestCase {
  operation: Operation;
  kind: 'schema' | 'wrong-type' | 'extra-field' | 'missing-field' | 'random-json' | 'invalid-json' | 'wrong-media';
  url: string;
  /** A JSON value to send, or raw text with `contentType`. */
  body?: unknown;
  raw?: { text: string; contentType: string };
  /** Set when the request breaks the body's schema for sure: any success is then a validation gap. */
  mustRefuse?: string;
}

/** Ids that exist, by the kind of thing a path parameter names (see `poolFor`). */
export type IdPools = Record<string, readonly string[]>;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      operations.push({
        method: method as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: resolve(doc, op.requestBody?.content?.['application/json']?.schema ?? null),
      });
    }
  }
  return operations;
}

function resolve(doc: OpenApiDocument, schema: Schema | null, depth = 0): Schema | null {
  if (!schema || depth > 6) return schema;
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}, depth + 1);
  const out: Schema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1) ?? {}]),
    );
  }
  if (schema.items) out.items = resolve(doc, schema.items, depth + 1) ?? {};
  return out;
}

/** Lone surrogates cannot be percent-encoded: they become U+FFFD, as a browser would send them. */
export const wellFormed = (s: string): string =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Which pool of real ids a path parameter draws from. */
export function poolFor(path: string, param: string): string {
  if (param === 'versionId') return 'versions';
  if (param === 'milestoneId') return 'milestones';
  if (param === 'userId') return 'users';
  if (param === 'themeId') return 'themes';
  if (param === 'adoptionId') return 'adoptions';
  if (param === 'cityId' || param === 'idOrSlug') return 'cities';
  if (param === 'documentId') return 'documents';
  if (param === 'token') return 'tokens';
  const resource = path.split('/')[2];
  const byResource: Record<string, string> = {
    documents: 'documents',
    threads: 'threads',
    comments: 'comments',
    'pilot-projects': 'pilotProjects',
    events: 'events',
    cities: 'cities',
    users: 'users',
    themes: 'themes',
    indicators: 'indicators',
    invitations: 'invitations',
    notifications: 'notifications',
  };
  return byResource[resource] ?? 'documents';
}

/** A plausible value for a schema, with hostile text wherever a string goes. */
export function valueOf(schema: Schema, pools: IdPools, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) {
    return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: hostileString });
  }
  const ids = [...(pools.documents ?? []), ...(pools.cities ?? []), ...(pools.users ?? []), ...(pools.themes ?? [])];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') {
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...(ids.length ? ids : ['x'])) },
          fc.uuid(),
          hostileString,
        );
      }
      if (schema.format === 'date-time') {
        return fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true })
              .map((d) => d.toISOString()),
          },
          hostileString,
        );
      }
      if (schema.format === 'date') {
        return fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10)),
          },
          hostileString,
        );
      }
      return fc.oneof({ weight: 3, arbitrary: hostileString }, fc.lorem({ maxCount: 5 }));
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? -1e6;
      const max = schema.maximum ?? 1e6;
      return fc.oneof(
        {
          weight: 3,
          arbitrary: fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) }),
        },
        fc.constantFrom(min - 1, max + 1, 1e308, -1e308, 0.5),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(valueOf(schema.items ?? {}, pools, depth + 1), { maxLength: 3 });
    case 'object':
    default: {
      if (!schema.properties) {
        // Free-form objects (localized texts): a language per key.
        return fc.oneof(
          fc.dictionary(fc.constantFrom('en', 'fr', 'ar', 'xx', '__proto__'), hostileString, { maxKeys: 3 }),
          hostileString,
        );
      }
      if (depth > 3) return fc.constant({});
      const entries = Object.entries(schema.properties).map(([k, v]) => [k, valueOf(v, pools, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: schema.required ?? [] });
    }
  }
}

/** A hostile request to `operation`: path ids real or hostile, query and body of every kind. */
export function caseOf(operation: Operation, pools: IdPools): fc.Arbitrary<RestCase> {
  const segments = operation.pathParams.map((param) => {
    const real = pools[poolFor(operation.path, param)] ?? [];
    return fc.oneof(
      { weight: real.length > 0 ? 3 : 0, arbitrary: fc.constantFrom(...(real.length ? real : ['x'])) },
      { weight: 2, arbitrary: hostileId(real) },
    );
  });
  const query = fc.array(
    fc.tuple(
      operation.query.length > 0
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...operation.query.map((q) => q.name)) },
            fc.constant('__proto__'),
          )
        : fc.constantFrom('q', '__proto__', 'limit'),
      fc.oneof(
        hostileString,
        fc.integer().map(String),
        fc.constantFrom('markdown', 'html', 'json', 'docx', 'true', ''),
      ),
    ),
    { maxLength: 3 },
  );
  const body = operation.body;
  const schemaBody = body ? valueOf(body, pools) : fc.constant(undefined);
  const kinds = fc.constantFrom<RestCase['kind']>(
    'schema',
    'schema',
    'schema',
    'wrong-type',
    'wrong-type',
    'extra-field',
    'missing-field',
    'random-json',
    'invalid-json',
    'wrong-media',
  );
  return fc
    .record({
      ids: fc.tuple(...segments),
      query,
      kind: kinds,
      valid: schemaBody,
      wrong: wrongValue,
      field: fc.nat(),
      random: fc.jsonValue({ maxDepth: 3 }),
      text: fc.oneof(
        fc.constantFrom('{', '{"a":', '[1,2', 'nul', '{"__proto__":{"admin":true}}', '\u0000', '{"a":1}}', "{'a':1}"),
        fc.string({ maxLength: 50 }),
      ),
      media: fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/octet-stream',
      ),
    })
    .map(({ ids, query, kind, valid, wrong, field, random, text, media }) => {
      let path = operation.path;
      operation.pathParams.forEach((name, i) => {
        // Encoded as a client would; some ids carry their own %-sequences on purpose.
        const id = /%[0-9a-fA-F]{2}/.test(ids[i]) ? ids[i] : encodeURIComponent(wellFormed(ids[i]));
        path = path.replace(`{${name}}`, id);
      });
      const search = new URLSearchParams(query as Array<[string, string]>).toString();
      const url = search ? `${path}?${search}` : path;
      const restCase: RestCase = { operation, kind, url };
      const props = body?.properties ? Object.keys(body.properties) : [];
      const object = valid && typeof valid === 'object' && !Array.isArray(valid) ? { ...(valid as object) } : {};
      switch (kind) {
        case 'schema':
          restCase.body = valid;
          break;
        case 'wrong-type': {
          const prop = props[field % props.length];
          restCase.body = props.length ? { ...object, [prop]: wrong } : wrong;
          if (props.length && !fits(body!.properties![prop], wrong))
            restCase.mustRefuse = `${JSON.stringify(wrong)?.slice(0, 40)} as ${prop}`;
          break;
        }
        case 'extra-field':
          restCase.body = { ...object, isAdmin: true, role: 'admin', ['__proto__']: { admin: true } };
          break;
        case 'missing-field': {
          const required = body?.required ?? props;
          const copy: Record<string, unknown> = { ...object };
          if (required.length) delete copy[required[field % required.length]];
          restCase.body = copy;
          break;
        }
        case 'random-json':
          restCase.body = random;
          break;
        case 'invalid-json':
          restCase.raw = { text, contentType: 'application/json' };
          // An empty body counts as {} (body-parser), which may be valid.
          if (body && text.trim() !== '' && !isJson(text)) restCase.mustRefuse = 'invalid JSON';
          break;
        case 'wrong-media':
          restCase.raw = { text: text || 'a=b', contentType: media };
          break;
      }
      return restCase;
    });
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Whether `value` could be valid for `schema` as far as its JSON type (and enum) tells; null always could. */
function fits(schema: Schema, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (schema.enum?.length) return schema.enum.includes(value);
  switch (schema.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && (!schema.items || value.every((item) => fits(schema.items!, item)));
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}
