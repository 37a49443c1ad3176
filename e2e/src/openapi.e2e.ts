import { ENDPOINTS, parseEndpoint, RESPONSE_FIELDS, type EndpointName } from '../../apps/web/src/lib/endpoints';
import { baseUrl } from './support/state';

/**
 * The web client's typed calls (apps/web/src/lib/endpoints.ts, the only way it reaches the API) checked
 * against the OpenAPI description of the running API: every method and path exists, and the answers
 * carry the fields the client reads.
 */
interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}
interface OpenApi {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** `/cities/{idOrSlug}` and `/cities/{id}` are the same route: compare with the parameter names erased. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

describe('the web client against the API description', () => {
  let spec: OpenApi;
  beforeAll(async () => {
    const res = await fetch(`${baseUrl()}/api/docs/json`);
    expect(res.status).toBe(200);
    spec = (await res.json()) as OpenApi;
  });

  const operation = (name: EndpointName) => {
    const { method, path } = parseEndpoint(name);
    const key = Object.keys(spec.paths).find((p) => shape(p) === shape(`/api${path}`));
    return key ? spec.paths[key][method.toLowerCase()] : undefined;
  };

  it.each(Object.keys(ENDPOINTS) as EndpointName[])('%s exists in the API description', (name) => {
    expect({ name, call: ENDPOINTS[name], documented: operation(name) !== undefined }).toEqual({
      name,
      call: ENDPOINTS[name],
      documented: true,
    });
  });

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) return resolve(spec.components?.schemas?.[schema.$ref.split('/').pop()!]);
    if (schema.type === 'array') return resolve(schema.items);
    return schema;
  };
  const properties = (schema: Schema | undefined): string[] => {
    const resolved = resolve(schema);
    if (!resolved) return [];
    return [...Object.keys(resolved.properties ?? {}), ...(resolved.allOf ?? []).flatMap(properties)];
  };

  it.each(Object.entries(RESPONSE_FIELDS) as Array<[EndpointName, readonly string[]]>)(
    '%s answers with the fields the client reads',
    (name, fields) => {
      const responses = operation(name)?.responses ?? {};
      const success = responses['200'] ?? responses['201'];
      const documented = properties(success?.content?.['application/json']?.schema);
      const missing = fields.filter((field) => !documented.includes(field));
      expect({ name, missing }).toEqual({ name, missing: [] });
    },
  );
});
