/** A JQL problem, answered as Jira does: 400 with the message in `errorMessages`. */
export class JqlError extends Error {
  override readonly name = 'JqlError';
}

/** Jira's wording for a syntax error, with the 1-based position it reports. */
export function syntaxError(detail: string, offset: number): JqlError {
  return new JqlError(`Error in the JQL Query: ${detail} (line 1, character ${offset + 1})`);
}

/** Jira's wording for an unknown field (it never reveals whether the field exists). */
export function unknownField(name: string): JqlError {
  return new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
}

/** Jira's wording for a value that matches nothing the user can see. */
export function unknownValue(value: string, field: string): JqlError {
  return new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
}

/** Jira's wording for an operator a field does not support. */
export function unsupportedOperator(operator: string, field: string): JqlError {
  return new JqlError(`The operator '${operator}' is not supported by the '${field}' field.`);
}
