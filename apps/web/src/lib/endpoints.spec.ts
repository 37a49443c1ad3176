import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { endpoint, ENDPOINTS, parseEndpoint, type EndpointName } from './endpoints';

const src = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the endpoint table', () => {
  it('resolves a path with its parameters URL-encoded', () => {
    expect(endpoint('cities.members.put', { cityId: 'c 1', userId: 'u/2' })).toEqual({
      name: 'cities.members.put',
      method: 'PUT',
      path: '/cities/c%201/members/u%2F2',
    });
    expect(endpoint('documents.list')).toEqual({ name: 'documents.list', method: 'GET', path: '/documents' });
  });

  it('refuses a call with a missing parameter rather than calling a wrong path', () => {
    expect(() => endpoint('documents.get', { id: '' })).toThrow('the path parameter "id" is missing');
  });

  it('is the only way the client reaches the API: no literal path is called elsewhere', () => {
    const offenders = sourceFiles(src)
      .filter((file) => !file.endsWith(join('lib', 'api.ts')))
      .filter((file) => /\bapi\.(get|post|patch|request)\s*[<(]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(offenders).toEqual([]);
  });

  it('lists only endpoints the client uses', () => {
    const code = sourceFiles(src)
      .filter((file) => !file.endsWith('endpoints.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = (Object.keys(ENDPOINTS) as EndpointName[]).filter((name) => !code.includes(`'${name}'`));
    expect(unused).toEqual([]);
  });

  it('writes every entry as METHOD /path with {named} parameters', () => {
    for (const name of Object.keys(ENDPOINTS) as EndpointName[]) {
      const { method, path } = parseEndpoint(name);
      expect(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).toContain(method);
      expect(path).toMatch(/^(\/[\w.-]+|\/\{\w+\})+$/);
    }
  });
});
