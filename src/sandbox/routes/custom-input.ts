/** Reads custom field values of a create request as Jira validates them, with Jira's messages. */
import { z } from 'zod';
import { TEAM_OPTIONS, type CustomFieldDef } from '../domain/catalog.ts';
import type { CustomValues } from '../domain/model.ts';
import type { SandboxStore } from '../domain/store.ts';

/** A read value (null when absent or empty) or Jira's message for the field. */
type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const OptionRef = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  value: z.string().optional(),
});
const UserRef = z.looseObject({ accountId: z.string().optional(), name: z.string().optional() });

function readOption(input: unknown): Read<string | null> {
  const ref = OptionRef.safeParse(input);
  if (!ref.success || (ref.data.id === undefined && ref.data.value === undefined))
    return fail("Could not find valid 'id' or 'value' in the Parent Option object.");
  const { id, value } = ref.data;
  if (id !== undefined) {
    const option = TEAM_OPTIONS.find((o) => o.id === String(id));
    return option === undefined ? fail(`Option id '${id}' is not valid`) : ok(option.id);
  }
  const option = TEAM_OPTIONS.find((o) => o.value === value);
  return option === undefined ? fail(`Option value '${value ?? ''}' is not valid`) : ok(option.id);
}

function readUsers(store: SandboxStore, input: unknown): Read<string[]> {
  if (!Array.isArray(input)) return fail('data was not an array');
  const ids: string[] = [];
  for (const entry of input) {
    const ref = UserRef.safeParse(entry);
    const { accountId, name } = ref.success ? ref.data : {};
    const user =
      accountId !== undefined
        ? store.userById(accountId)
        : name !== undefined
          ? store.userByName(name)
          : undefined;
    if (user === undefined) return fail(`The user '${accountId ?? name ?? ''}' does not exist.`);
    ids.push(user.id);
  }
  return ok(ids);
}

function readLabels(input: unknown): Read<string[]> {
  if (!Array.isArray(input) || !input.every((l): l is string => typeof l === 'string'))
    return fail('data was not an array');
  const spaced = input.find((l) => /\s/.test(l));
  return spaced === undefined
    ? ok(input)
    : fail(`The label '${spaced}' contains spaces which is invalid.`);
}

function readDate(input: unknown): Read<string> {
  const text = typeof input === 'string' ? input : '';
  const parsed = new Date(`${text}T00:00:00Z`);
  // A round trip rejects impossible dates such as 2026-02-30, which Date would roll over.
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && parsed.toISOString().startsWith(text);
  return valid ? ok(text) : fail(`Error parsing date string: ${String(input)}`);
}

function isEmpty(input: unknown): boolean {
  return (
    input === undefined ||
    input === null ||
    (typeof input === 'string' && input.trim() === '') ||
    (Array.isArray(input) && input.length === 0)
  );
}

/** Reads one custom field into the custom values; returns Jira's message when the input is refused. */
export function readCustomField(
  store: SandboxStore,
  def: CustomFieldDef,
  input: unknown,
  required: boolean,
  into: CustomValues,
): string | null {
  if (isEmpty(input)) return required ? `${def.name} is required.` : null;
  switch (def.kind) {
    case 'option': {
      const read = readOption(input);
      if (read.ok) into.team = read.value;
      return read.ok ? null : read.message;
    }
    case 'multiuser': {
      const read = readUsers(store, input);
      if (read.ok) into.reviewers = read.value;
      return read.ok ? null : read.message;
    }
    case 'number':
      if (typeof input !== 'number' || !Number.isFinite(input))
        return 'Operation value must be a number';
      into.storyPoints = input;
      return null;
    case 'date': {
      const read = readDate(input);
      if (read.ok) into.reviewDate = read.value;
      return read.ok ? null : read.message;
    }
    case 'text':
      if (typeof input !== 'string') return 'Operation value must be a string';
      into.notes = input;
      return null;
    case 'labels': {
      const read = readLabels(input);
      if (read.ok) into.tags = read.value;
      return read.ok ? null : read.message;
    }
  }
}

/** Empty custom values, for a new issue. */
export function emptyCustomValues(): CustomValues {
  return { team: null, reviewers: [], storyPoints: null, reviewDate: null, notes: null, tags: [] };
}
