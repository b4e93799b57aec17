import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The shared folder beside the repository, as CI lays it out: `../shared` from the repo root. */
export const SHARED_DIR = `${resolve(REPO_ROOT, '../shared')}/`;

/** Which OpenAPI document a response is checked against. */
export type SpecName = 'cloud' | 'datacenter';

const FILES: readonly (readonly [SpecName, string])[] = [
  ['cloud', 'jira-specs/jira-cloud-platform-v3.json'],
  ['datacenter', 'jira-specs/jira-datacenter-10.3.json'],
];

function pointerSegment(value: string): string {
  return value.replace(/~/g, '~0').replace(/\//g, '~1');
}

function schemaPointer(path: string, method: string, status: number): string {
  return [
    'paths',
    path,
    method,
    'responses',
    String(status),
    'content',
    'application/json',
    'schema',
  ]
    .map(pointerSegment)
    .join('/');
}

/** Validates response bodies against the response schemas of Atlassian's OpenAPI documents. */
export class SpecValidator {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    discriminator: true,
    validateSchema: false,
  });

  constructor() {
    addFormats.default(this.ajv);
    for (const [name, file] of FILES) {
      const spec: unknown = JSON.parse(readFileSync(`${SHARED_DIR}${file}`, 'utf8'));
      if (typeof spec !== 'object' || spec === null)
        throw new Error(`${file} is not an OpenAPI document`);
      this.ajv.addSchema({ ...spec, $id: name });
    }
  }

  /** The schema's errors for a body ([] when valid); `each` validates every element of an array against an object schema. */
  validate(
    spec: SpecName,
    path: string,
    method: string,
    status: number,
    body: unknown,
    each = false,
  ): ErrorObject[] {
    const validate = this.ajv.getSchema(`${spec}#/${schemaPointer(path, method, status)}`);
    if (validate === undefined)
      throw new Error(`No schema for ${method.toUpperCase()} ${path} ${status} in ${spec}`);
    const bodies = each && Array.isArray(body) ? body : [body];
    return bodies.flatMap((item: unknown) => (validate(item) ? [] : (validate.errors ?? [])));
  }
}
