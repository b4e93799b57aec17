import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A JSON Schema node as found in the OpenAPI documents and in zod's output. */
interface Node {
  $ref?: string | undefined;
  type?: string | string[] | undefined;
  properties?: Record<string, Node> | undefined;
  items?: Node | undefined;
  additionalProperties?: Node | boolean | undefined;
  allOf?: Node[] | undefined;
  anyOf?: Node[] | undefined;
  oneOf?: Node[] | undefined;
}

const NodeSchema: z.ZodType<Node> = z.lazy(() =>
  z.looseObject({
    $ref: z.string().optional(),
    type: z.union([z.string(), z.array(z.string())]).optional(),
    properties: z.record(z.string(), NodeSchema).optional(),
    items: NodeSchema.optional(),
    additionalProperties: z.union([NodeSchema, z.boolean()]).optional(),
    allOf: z.array(NodeSchema).optional(),
    anyOf: z.array(NodeSchema).optional(),
    oneOf: z.array(NodeSchema).optional(),
  }),
);

const OperationSchema = z.looseObject({
  deprecated: z.boolean().optional(),
  responses: z.record(
    z.string(),
    z.looseObject({
      content: z.record(z.string(), z.looseObject({ schema: NodeSchema.optional() })).optional(),
    }),
  ),
});

const SpecSchema = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({ schemas: z.record(z.string(), NodeSchema) }),
});

/** A loaded OpenAPI document from ../shared/jira-specs. */
export interface Spec {
  operation(method: string, path: string): z.infer<typeof OperationSchema> | undefined;
  resolve(node: Node): Node;
}

/** Loads one of ../shared/jira-specs. */
export function loadSpec(name: string): Spec {
  const url = new URL(`../../../../shared/jira-specs/${name}`, import.meta.url);
  const spec = SpecSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
  const resolve = (node: Node): Node => {
    if (node.$ref !== undefined) {
      const target = spec.components.schemas[node.$ref.replace('#/components/schemas/', '')];
      return target === undefined ? {} : resolve(target);
    }
    const parts = node.allOf ?? [];
    if (parts.length === 0) return node;
    // allOf: merge the properties of every part.
    const properties: Record<string, Node> = { ...node.properties };
    for (const part of parts.map(resolve)) Object.assign(properties, part.properties);
    return { type: 'object', properties };
  };
  return {
    operation: (method, path) => {
      const op = spec.paths[path]?.[method];
      return op === undefined ? undefined : OperationSchema.parse(op);
    },
    resolve,
  };
}

function kind(node: Node): string | undefined {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  return type === 'integer' ? 'number' : type;
}

/**
 * Every property our schema reads must exist in the spec's schema with a
 * compatible type; returns the paths where it does not. Open-ended nodes on
 * either side (unknown, untyped objects) are not descended into.
 */
export function compareSchemas(ours: z.ZodType, spec: Spec, theirs: Node): string[] {
  const problems: string[] = [];
  const walk = (mine: Node, other: Node, path: string): void => {
    const them = spec.resolve(other);
    const mineAlternatives = mine.anyOf ?? mine.oneOf;
    if (mineAlternatives !== undefined) {
      for (const alternative of mineAlternatives)
        if (alternative.type !== 'null') walk(alternative, them, path);
      return;
    }
    const myKind = kind(mine);
    const theirKind = kind(them);
    if (myKind === undefined || theirKind === undefined) return;
    if (myKind !== theirKind) {
      problems.push(`${path || '(root)'}: ours ${myKind}, spec ${theirKind}`);
      return;
    }
    if (myKind === 'array' && mine.items !== undefined && them.items !== undefined) {
      walk(mine.items, them.items, `${path}[]`);
    }
    if (myKind !== 'object') return;
    if (
      typeof mine.additionalProperties === 'object' &&
      typeof them.additionalProperties === 'object' &&
      mine.properties === undefined
    ) {
      walk(mine.additionalProperties, them.additionalProperties, `${path}{}`);
    }
    if (them.properties === undefined) return;
    for (const [name, node] of Object.entries(mine.properties ?? {})) {
      const counterpart = them.properties[name];
      if (counterpart === undefined) problems.push(`${path}.${name}: not in the spec`);
      else walk(node, counterpart, `${path}.${name}`);
    }
  };
  walk(
    NodeSchema.parse(z.toJSONSchema(ours, { io: 'output', unrepresentable: 'any' })),
    theirs,
    '',
  );
  return problems;
}
