import { readFileSync } from 'node:fs';

// The shared fixtures live beside the repository (../shared), as PRODUCT.md describes.
const FIXTURES = new URL('../../../../shared/jira-fixtures/', import.meta.url);

/** Reads and JSON-parses a file of ../shared/jira-fixtures. */
export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}
